"""Word lists for benchmarks/generate.py: topics and their concepts, the study plan's subjects, text fragments.

Plain data, in a fixed order (the generator draws from it with a seeded random.Random).
"""

from __future__ import annotations

# (folder at HEAD, earlier folder name or None, title, concepts as slugs). A topic with an earlier name
# can be the one whose whole folder is renamed half-way through the history.
TOPICS: list[tuple[str, str | None, str, list[str]]] = [
    ("calculus", None, "Calculus", [
        "limits", "continuity", "derivatives", "chain-rule", "implicit-differentiation", "related-rates",
        "mean-value-theorem", "curve-sketching", "optimisation-problems", "lhopital-rule", "riemann-sums",
        "definite-integrals", "fundamental-theorem", "substitution", "integration-by-parts", "partial-fractions",
        "improper-integrals", "sequences", "series-convergence", "taylor-series", "partial-derivatives",
        "multiple-integrals", "directional-derivatives", "lagrange-multipliers"]),
    ("probability", None, "Probability", [
        "sample-spaces", "counting", "conditional-probability", "bayes-rule", "independence", "random-variables",
        "expectation", "variance", "binomial-distribution", "poisson-distribution", "geometric-distribution",
        "continuous-distributions", "normal-distribution", "exponential-distribution", "joint-distributions",
        "covariance-and-correlation", "law-of-large-numbers", "central-limit-theorem", "markov-chains",
        "moment-generating-functions", "conditional-expectation", "probability-inequalities"]),
    ("linear-algebra", "linalg", "Linear algebra", [
        "vectors", "matrix-multiplication", "gaussian-elimination", "lu-decomposition", "vector-spaces",
        "column-space", "null-space", "rank", "four-subspaces", "orthogonality", "projections", "least-squares",
        "gram-schmidt", "determinants", "eigenvalues", "diagonalisation", "symmetric-matrices",
        "positive-definite-matrices", "svd", "linear-transformations", "change-of-basis", "matrix-norms"]),
    ("statistics", "stats", "Statistics", [
        "descriptive-statistics", "sampling-distributions", "point-estimation", "maximum-likelihood",
        "confidence-intervals", "hypothesis-testing", "p-values", "t-tests", "chi-squared-tests", "anova",
        "bootstrap", "bayesian-inference", "priors-and-posteriors", "regression-inference", "multiple-testing",
        "power-analysis", "nonparametric-tests", "experimental-design"]),
    ("optimisation", None, "Optimisation", [
        "convex-sets", "convex-functions", "gradient-descent", "step-sizes", "momentum", "newton-method",
        "stochastic-gradient-descent", "adam", "constrained-optimisation", "kkt-conditions", "duality",
        "line-search", "learning-rate-schedules", "second-order-methods", "coordinate-descent",
        "proximal-methods"]),
    ("classical-ml", "ml", "Classical machine learning", [
        "supervised-learning", "train-test-split", "cross-validation", "bias-variance", "linear-regression",
        "logistic-regression", "regularisation", "k-nearest-neighbours", "decision-trees", "random-forests",
        "gradient-boosting", "support-vector-machines", "kernels", "naive-bayes", "k-means", "pca",
        "feature-engineering", "evaluation-metrics", "imbalanced-data", "hyperparameter-search"]),
    ("deep-learning", None, "Deep learning", [
        "perceptrons", "backpropagation", "activation-functions", "weight-initialisation",
        "batch-normalisation", "dropout", "convolutional-networks", "pooling", "residual-networks",
        "recurrent-networks", "lstm", "attention", "transformers", "embeddings", "autoencoders",
        "optimisers-for-deep-learning", "transfer-learning", "training-loops"]),
    ("python-for-ml", "python", "Python for ML", [
        "numpy-arrays", "broadcasting", "vectorisation", "pandas-dataframes", "groupby",
        "plotting-with-matplotlib", "scikit-learn-pipelines", "virtual-environments", "jupyter-notebooks",
        "type-hints", "testing-with-pytest", "profiling", "pytorch-tensors", "autograd", "dataloaders"]),
    ("information-theory", None, "Information theory", [
        "entropy", "cross-entropy", "kl-divergence", "mutual-information", "source-coding-theorem",
        "huffman-coding", "channel-capacity", "maximum-entropy", "information-gain"]),
    ("real-analysis", None, "Real analysis", [
        "real-numbers", "supremum-and-infimum", "sequences-and-limits", "cauchy-sequences",
        "open-and-closed-sets", "compactness", "uniform-continuity", "differentiability", "riemann-integral",
        "uniform-convergence", "metric-spaces"]),
    ("discrete-maths", None, "Discrete mathematics", [
        "logic", "proofs-by-induction", "sets-and-functions", "relations", "combinatorics",
        "pigeonhole-principle", "recurrences", "generating-functions", "graphs", "trees", "graph-traversal",
        "shortest-paths"]),
    ("numerical-methods", None, "Numerical methods", [
        "floating-point", "conditioning", "root-finding", "interpolation", "numerical-differentiation",
        "numerical-integration", "solving-linear-systems", "iterative-methods", "eigenvalue-algorithms",
        "monte-carlo"]),
    ("nlp", None, "Natural language processing", [
        "tokenisation", "bag-of-words", "tf-idf", "word2vec", "language-models", "sequence-to-sequence",
        "beam-search", "bert", "fine-tuning", "evaluating-language-models"]),
    ("mlops", None, "ML engineering", [
        "experiment-tracking", "model-serving", "feature-stores", "data-versioning", "monitoring", "ci-for-ml",
        "docker-basics", "batch-vs-online-inference"]),
]

# How a concept slug reads in a sentence, when it is not just its words.
PHRASES = {
    "lhopital-rule": "L'Hôpital's rule", "svd": "the SVD", "pca": "PCA", "lstm": "LSTMs",
    "kkt-conditions": "the KKT conditions", "bert": "BERT", "tf-idf": "TF-IDF", "kl-divergence": "KL divergence",
    "lu-decomposition": "LU decomposition", "adam": "Adam", "anova": "ANOVA", "word2vec": "word2vec",
    "ci-for-ml": "CI for ML", "numpy-arrays": "NumPy arrays", "pandas-dataframes": "pandas DataFrames",
    "pytorch-tensors": "PyTorch tensors", "scikit-learn-pipelines": "scikit-learn pipelines",
    "plotting-with-matplotlib": "plotting with Matplotlib", "testing-with-pytest": "testing with pytest",
    "newton-method": "Newton's method", "bayes-rule": "Bayes' rule", "gram-schmidt": "Gram–Schmidt",
    "huffman-coding": "Huffman coding", "markov-chains": "Markov chains",
    "lagrange-multipliers": "Lagrange multipliers", "taylor-series": "Taylor series", "riemann-sums": "Riemann sums",
    "riemann-integral": "the Riemann integral", "cauchy-sequences": "Cauchy sequences",
    "poisson-distribution": "the Poisson distribution", "docker-basics": "Docker basics",
    "jupyter-notebooks": "Jupyter notebooks", "p-values": "p-values", "t-tests": "t-tests",
    "k-means": "k-means", "k-nearest-neighbours": "k-nearest neighbours", "fundamental-theorem":
    "the fundamental theorem of calculus", "mean-value-theorem": "the mean value theorem",
    "central-limit-theorem": "the central limit theorem", "law-of-large-numbers": "the law of large numbers",
}

# Variants of a concept, for the many notes of a big repository: (slug suffix, title suffix).
MODIFIERS = [
    ("examples", "worked examples"), ("exercises", "exercises"), ("proofs", "proofs"), ("intuition", "intuition"),
    ("in-python", "in Python"), ("summary", "summary"), ("pitfalls", "pitfalls"), ("revisited", "revisited"),
    ("cheatsheet", "cheat sheet"), ("questions", "open questions"), ("applications", "applications"),
    ("derivations", "derivations"), ("visualised", "visualised"), ("interview-questions", "interview questions"),
    ("reading-notes", "reading notes"),
]

# Subjects of the plan: (id, title, topic whose concepts name the sessions, resources).
# A resource: (id, title, kind, url or None, units, unit).
SUBJECTS: list[tuple[str, str, str, list[tuple[str, str, str, str | None, int, str]]]] = [
    ("calculus", "Calculus", "calculus", [
        ("leonard-calc1", "Professor Leonard: Calculus 1", "lectures", "https://www.youtube.com/@ProfessorLeonard", 60, "lectures"),
        ("leonard-calc2", "Professor Leonard: Calculus 2", "lectures", "https://www.youtube.com/@ProfessorLeonard", 54, "lectures"),
        ("openstax-calc", "OpenStax Calculus, volumes 1 to 3 (end-of-chapter exercises)", "practice", "https://openstax.org/details/books/calculus-volume-1", 20, "chapters"),
        ("3b1b-calculus", "3Blue1Brown: Essence of calculus", "lectures", "https://www.3blue1brown.com/topics/calculus", 12, "videos"),
        ("leonard-calc3", "Professor Leonard: Calculus 3", "lectures", "https://www.youtube.com/@ProfessorLeonard", 46, "lectures"),
    ]),
    ("probability", "Probability", "probability", [
        ("stat110", "Harvard Stat 110: Probability (Joe Blitzstein)", "lectures", "https://projects.iq.harvard.edu/stat110", 35, "lectures"),
        ("blitzstein-book", "Introduction to Probability (Blitzstein and Hwang)", "book", None, 13, "chapters"),
        ("mit-6041", "MIT 6.041 Probabilistic Systems Analysis", "lectures", "https://ocw.mit.edu/courses/6-041-probabilistic-systems-analysis-and-applied-probability-fall-2010/", 25, "lectures"),
        ("mosteller-problems", "Fifty Challenging Problems in Probability (Mosteller)", "practice", None, 50, "problems"),
        ("seeing-theory", "Seeing Theory (Brown University)", "course", "https://seeing-theory.brown.edu/", 6, "chapters"),
    ]),
    ("linear-algebra", "Linear algebra", "linear-algebra", [
        ("mit-1806", "MIT 18.06SC Linear Algebra (Gilbert Strang)", "lectures", "https://ocw.mit.edu/courses/18-06sc-linear-algebra-fall-2011/", 34, "lectures"),
        ("strang-book", "Introduction to Linear Algebra (Strang)", "book", None, 11, "chapters"),
        ("3b1b-linalg", "3Blue1Brown: Essence of linear algebra", "lectures", "https://www.3blue1brown.com/topics/linear-algebra", 16, "videos"),
        ("mit-1806-psets", "MIT 18.06 problem sets", "practice", None, 10, "problem sets"),
        ("lay-book", "Linear Algebra and Its Applications (Lay)", "book", None, 10, "chapters"),
    ]),
    ("statistics", "Statistics", "statistics", [
        ("all-of-stats", "All of Statistics (Wasserman)", "book", None, 24, "chapters"),
        ("think-stats", "Think Stats (Downey)", "book", "https://greenteapress.com/wp/think-stats-2e/", 14, "chapters"),
        ("rethinking", "Statistical Rethinking lectures (McElreath)", "lectures", None, 20, "lectures"),
        ("stats-projects", "Two analyses of public datasets", "practice", None, 2, "projects"),
    ]),
    ("classical-ml", "Classical machine learning", "classical-ml", [
        ("islp", "An Introduction to Statistical Learning, with Applications in Python", "book", "https://www.statlearning.com/", 13, "chapters"),
        ("ng-ml", "Machine Learning Specialization (Andrew Ng, DeepLearning.AI)", "course", "https://www.coursera.org/specializations/machine-learning-introduction", 10, "weeks"),
        ("kaggle-projects", "Three end-to-end projects on Kaggle datasets", "practice", None, 3, "projects"),
        ("hands-on-ml", "Hands-On Machine Learning (Géron), part I", "book", None, 9, "chapters"),
        ("cs229", "Stanford CS229: Machine Learning", "lectures", None, 20, "lectures"),
    ]),
    ("deep-learning", "Deep learning", "deep-learning", [
        ("fastai", "Practical Deep Learning for Coders (fast.ai)", "course", "https://course.fast.ai/", 9, "lessons"),
        ("d2l", "Dive into Deep Learning", "book", "https://d2l.ai/", 15, "chapters"),
        ("zero-to-hero", "Neural Networks: Zero to Hero (Andrej Karpathy)", "lectures", None, 10, "videos"),
        ("cs231n", "Stanford CS231n: Deep Learning for Computer Vision", "lectures", None, 18, "lectures"),
        ("dl-projects", "Two deep learning projects", "practice", None, 2, "projects"),
    ]),
    ("optimisation", "Optimisation", "optimisation", [
        ("boyd-book", "Convex Optimization (Boyd and Vandenberghe)", "book", "https://web.stanford.edu/~boyd/cvxbook/", 11, "chapters"),
        ("ee364a", "Stanford EE364A: Convex Optimization I", "lectures", None, 19, "lectures"),
        ("opt-notebooks", "Optimisation experiments in NumPy", "practice", None, 8, "notebooks"),
    ]),
    ("python-data", "Python for data work", "python-for-ml", [
        ("pyda", "Python for Data Analysis (McKinney)", "book", "https://wesmckinney.com/book/", 13, "chapters"),
        ("numpy-100", "100 NumPy exercises", "practice", None, 100, "exercises"),
        ("kaggle-pandas", "Kaggle Learn: Pandas", "course", None, 6, "lessons"),
        ("pytorch-tutorials", "PyTorch tutorials: learn the basics", "course", None, 8, "tutorials"),
    ]),
    ("information-theory", "Information theory", "information-theory", [
        ("mackay", "Information Theory, Inference and Learning Algorithms (MacKay)", "book", None, 20, "chapters"),
        ("mackay-lectures", "MacKay's information theory lectures", "lectures", None, 16, "lectures"),
    ]),
    ("nlp", "Natural language processing", "nlp", [
        ("cs224n", "Stanford CS224N: NLP with Deep Learning", "lectures", None, 19, "lectures"),
        ("hf-course", "Hugging Face NLP course", "course", "https://huggingface.co/learn/nlp-course", 12, "chapters"),
        ("slp3", "Speech and Language Processing (Jurafsky and Martin)", "book", None, 12, "chapters"),
    ]),
    ("mlops", "ML engineering", "mlops", [
        ("made-with-ml", "Made With ML", "course", "https://madewithml.com/", 8, "modules"),
        ("fsdl", "Full Stack Deep Learning", "lectures", None, 9, "lectures"),
        ("serving-project", "Serve a model behind an API", "practice", None, 1, "projects"),
    ]),
]

UNIT_SINGULAR = {
    "lectures": "Lecture", "chapters": "Chapter", "videos": "Video", "problems": "Problem", "problem sets":
    "Problem set", "projects": "Project", "weeks": "Week", "lessons": "Lesson", "notebooks": "Notebook",
    "exercises": "Exercise", "tutorials": "Tutorial", "modules": "Module",
}

LEARNERS = [
    ("Sam Rivera", "samrivera", "Backend engineer for eight years, learning the maths and machine learning to move into ML."),
    ("Alex Chen", "alexchen", "Frontend developer turning into an ML engineer, one evening at a time."),
    ("Priya Natarajan", "priyan", "Data analyst learning the maths behind the models I use every day."),
    ("Jordan Okafor", "jokafor", "Platform engineer learning machine learning in public, with deadlines."),
    ("Maria Rossi", "mariarossi", "Former physics teacher relearning maths for a career in machine learning."),
]

INTROS = [
    ("These are my notes on {t}. I wrote the first version while working through the lectures, and came back to "
    "it whenever something did not click."),
    "{T} keeps coming up, so this page collects what I know about it, with the examples that made it make sense.",
    "A page on {t}: the definitions, the results worth remembering, and a few exercises I got wrong the first time.",
    "I am writing this to check that I can explain {t} without looking at the book.",
    "Short notes on {t}, kept next to the exercises so that I can find both when I review.",
]

SENTENCES = [
    ("The key idea behind {t} is that a complicated object can be understood through a simpler one that "
    "approximates it."),
    "I first met {t} in the context of {o}, and the connection only became clear on the second pass.",
    "It helps to write out a small example by hand before reaching for the general statement.",
    "Most of the confusion I had came from the notation rather than the idea itself.",
    "In machine learning, {t} shows up whenever we reason about how a model changes with its inputs or parameters.",
    "The textbook proof is short, but each line hides a step that is worth making explicit.",
    "A useful sanity check is to try the extreme cases: zero, one, and something very large.",
    "When the assumptions fail, the result can fail badly, and the counterexamples are instructive.",
    "Compared with {o}, {t} asks for less structure but gives weaker guarantees.",
    "I keep a list of the exercises that took me more than one attempt; they are the best review material.",
    "Drawing a picture settles most questions about {t} faster than algebra does.",
    "The same pattern appears in {o}, which is a good sign that it is worth understanding properly.",
    "Numerically, the naive approach is fine for small inputs and breaks down quietly for large ones.",
    "There are two standard ways to present {t}, and the lectures and the book use different ones.",
    "What finally made it click was computing the result in code and comparing it with the formula.",
    "It is easy to memorise the statement and still not know when to apply it.",
    "The edge cases are where exam questions, and bugs, tend to live.",
    "Once the definitions are clear, most of the results follow in a few lines.",
    "I should come back to this after finishing {o}, since the two are closely related.",
    "The geometric view and the algebraic view say the same thing, but each is easier in different situations.",
    "The library implementation hides most of these details, which is convenient until something goes wrong.",
    "Writing the derivation from memory a week later is the test I use to decide whether I understood it.",
    "A common mistake is to forget the conditions under which {t} holds.",
    "The intuition is simple; the formal statement takes a while to read.",
    "This is one of the results that everything else in the course builds on.",
    "In practice, a few lines of NumPy are enough to check the claim on random inputs.",
    "My first attempt at the exercises on {t} went wrong because I mixed up two similar definitions.",
    "The lecturer spent twenty minutes on this, and it was worth every one of them.",
]

BULLETS = [
    "State the definition precisely before using it.",
    "Check the assumptions: continuity, independence or full rank, whichever applies.",
    "Work one example by hand, then one in code.",
    "{T} is a special case of a more general idea in {o}.",
    "Watch the dimensions of every quantity.",
    "Keep track of which variables are fixed and which vary.",
    "The result is symmetric, which halves the work.",
    "Most exercises reduce to one of three standard forms.",
    "Plot it: the shape tells you more than the formula.",
    "`np.allclose` is the right way to compare the two answers, not `==`.",
    "Look for the special case where everything cancels.",
    "Write down what is given and what is asked before starting.",
    "The notation differs between the lectures and the book.",
    "Revisit this after {o}.",
    "Small numbers first, then generalise.",
    "The proof by contradiction is shorter, the direct proof is clearer.",
]

STEPS = [
    "Write the problem in standard form.",
    "Identify the unknowns and the constraints.",
    "Apply the main result of {t}.",
    "Simplify, and check the units or dimensions.",
    "Test the answer on a small case.",
    "Compare with a numerical computation.",
    "Write the answer in one sentence.",
]

HEADINGS = [
    "Definition", "Intuition", "Key results", "Worked example", "Common mistakes", "Why it matters for ML",
    "Proof sketch", "Exercises", "Questions I still have", "Summary", "Notation", "Special cases",
    "A second look", "Connections", "What the book adds", "Things to remember", "Where it goes wrong",
    "An example from the lectures",
]

SUBHEADINGS = ["The easy case", "The general case", "A counterexample", "In two dimensions", "In code",
               "By hand", "Edge cases", "What I got wrong"]

CODE = [
    ("import numpy as np\n\n\ndef {fn}(x: np.ndarray) -> np.ndarray:\n    \"\"\"A small experiment for this note.\"\"\"\n"
    "    return np.cumsum(x) / np.arange(1, len(x) + 1)\n\n\nrng = np.random.default_rng(0)\nprint({fn}(rng.normal(size=10)))"),
    ("def {fn}(f, x, h=1e-6):\n    \"\"\"Central difference: the check I use against the formula.\"\"\"\n"
    "    return (f(x + h) - f(x - h)) / (2 * h)"),
    ("import numpy as np\n\nA = np.array([[2.0, 1.0], [1.0, 3.0]])\nb = np.array([1.0, 2.0])\n"
    "x = np.linalg.solve(A, b)\nassert np.allclose(A @ x, b)\nprint(x)"),
    ("from collections import Counter\nimport random\n\n\ndef {fn}(trials: int = 100_000) -> float:\n"
    "    rng = random.Random(42)\n    counts = Counter(rng.randint(1, 6) + rng.randint(1, 6) for _ in range(trials))\n"
    "    return counts[7] / trials\n\n\nprint({fn}())  # about 1/6"),
    ("import numpy as np\n\n\ndef {fn}(X: np.ndarray, y: np.ndarray, lr: float = 0.1, steps: int = 500) -> np.ndarray:\n"
    "    w = np.zeros(X.shape[1])\n    for _ in range(steps):\n        grad = X.T @ (X @ w - y) / len(y)\n"
    "        w -= lr * grad\n    return w"),
    ("import math\n\n\ndef {fn}(n: int) -> float:\n    total = 0.0\n    for k in range(1, n + 1):\n"
    "        total += 1 / k**2\n    return total\n\n\nprint({fn}(10_000), math.pi**2 / 6)"),
    ("import numpy as np\n\nrng = np.random.default_rng(1)\nsamples = rng.exponential(scale=2.0, size=(10_000, 30))\n"
    "means = samples.mean(axis=1)\nprint(means.mean(), means.std())  # about 2 and 2 / sqrt(30)"),
    ("def {fn}(xs: list[float]) -> tuple[float, float]:\n    n = len(xs)\n    mean = sum(xs) / n\n"
    "    var = sum((x - mean) ** 2 for x in xs) / (n - 1)\n    return mean, var"),
    ("import torch\n\nx = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = (x**2).sum()\n"
    "y.backward()\nprint(x.grad)  # tensor([2., 4., 6.])"),
    ("from sklearn.linear_model import LogisticRegression\nfrom sklearn.model_selection import cross_val_score\n\n\n"
    "def {fn}(X, y):\n    model = LogisticRegression(max_iter=1000)\n    return cross_val_score(model, X, y, cv=5).mean()"),
]

TABLES = [
    ("| Case | Result | Note |\n| --- | --- | --- |", [
        "| n = 1 | trivial | nothing to prove |", "| n = 2 | holds | by direct computation |",
        "| general n | holds | by induction |", "| n → ∞ | limit exists | needs the extra assumption |",
        "| negative n | undefined | outside the domain |"]),
    ("| Method | Cost | When to use |\n| --- | --- | --- |", [
        "| by hand | minutes | small examples |", "| closed form | O(1) | when it exists |",
        "| iterative | O(n) per step | large problems |", "| library call | fast | always, after understanding it |",
        "| simulation | slow | to check an answer |"]),
    ("| Symbol | Meaning |\n| --- | --- |", [
        "| x | the input |", "| θ | the parameters |", "| n | the number of samples |",
        "| ε | a small positive number |", "| λ | the regularisation strength |"]),
    ("| Attempt | Date | Outcome |\n| --- | --- | --- |", [
        "| first | week 1 | wrong sign |", "| second | week 2 | right, but slow |", "| third | week 4 | clean |",
        "| review | month 3 | still fine |"]),
]

REVISIONS = [
    "tightened the proof sketch", "added an example from the exercises", "fixed a sign error",
    "rewrote the intuition section", "linked the related notes", "added the code check",
    "clarified the notation", "removed a wrong claim",
]

PRIVATE_SENTENCES = [
    "Applied to two roles this week; one recruiter replied.",
    "Tired after work, so I kept the sessions short.",
    "Salary expectations: need to research what junior ML roles pay here.",
    "Talked to a friend who moved into ML last year; her advice was to build projects early.",
    "I am behind on the plan and I do not want to say so publicly yet.",
    "Interview practice: explain the bias-variance trade-off in two minutes.",
    "Budget for courses this quarter is spent.",
    "Felt good about the exercises today.",
]

COLOURS = ["indigo", "teal", "blue", "green", "purple", "red", "orange"]


# ---- the realistic shape (benchmarks/realistic.py): a developer's TIL repository, notes in folders at the root

# (folder, title, language of its code blocks, reference documentation, concepts as slugs, inline code).
TIL_TOPICS: list[tuple[str, str, str, str, list[str], list[str]]] = [
    ("python", "Python", "python", "https://docs.python.org/3/library/", [
        "decorators", "context-managers", "f-strings", "dataclasses", "generators", "walrus-operator", "pathlib",
        "itertools-groupby", "functools-cache", "enumerate-start", "dict-merge", "typing-protocols", "slots",
        "argparse-subcommands", "contextlib-suppress", "zip-strict", "match-statement", "async-generators",
        "descriptors", "mutable-default-arguments", "sorted-with-key", "collections-counter", "logging-config",
        "subprocess-run", "virtual-environments", "breakpoint", "enum-auto", "textwrap-dedent"],
        ["functools.wraps", "with open(path) as f", "@dataclass(frozen=True)", "yield from", ":=", "Path.glob",
         "itertools.groupby", "@functools.cache", "enumerate(xs, start=1)", "typing.Protocol", "__slots__",
         "contextlib.suppress", "zip(a, b, strict=True)", "match", "subprocess.run(..., check=True)",
         "python -m venv .venv", "breakpoint()", "Counter.most_common", "enum.auto()", "textwrap.dedent"]),
    ("git", "Git", "bash", "https://git-scm.com/docs/", [
        "interactive-rebase", "reflog", "bisect", "stash", "cherry-pick", "worktrees", "amend", "fixup-commits",
        "blame-ignore-revs", "sparse-checkout", "partial-clone", "log-follow", "reset-soft", "revert-a-merge",
        "pickaxe-search", "rerere", "submodules", "hooks", "gitattributes", "signing-commits", "restore", "switch",
        "shallow-clones", "range-diff", "pull-rebase", "clean-untracked"],
        ["git rebase -i HEAD~3", "git reflog", "git bisect run", "git stash pop", "git cherry-pick -x",
         "git worktree add", "git commit --amend --no-edit", "git commit --fixup", "git log --follow",
         "git reset --soft HEAD~1", "git log -S", "git switch -c", "git restore --staged", "--depth 1",
         "git pull --rebase", "git clean -fdx"]),
    ("sql", "SQL", "sql", "https://www.postgresql.org/docs/current/", [
        "window-functions", "ctes", "recursive-ctes", "lateral-joins", "upsert", "null-comparisons", "rollup",
        "explain-analyze", "partial-indexes", "covering-indexes", "json-columns", "date-truncation",
        "string-aggregation", "distinct-on", "generate-series", "isolation-levels", "deadlocks",
        "filtered-aggregates", "anti-joins", "coalesce", "check-constraints", "returning-clause"],
        ["ROW_NUMBER() OVER (PARTITION BY user_id)", "WITH RECURSIVE", "ON CONFLICT DO UPDATE", "IS DISTINCT FROM",
         "EXPLAIN ANALYZE", "CREATE INDEX ... WHERE", "date_trunc('week', created_at)", "string_agg", "DISTINCT ON",
         "generate_series", "FILTER (WHERE ...)", "NOT EXISTS", "COALESCE", "RETURNING id"]),
    ("shell", "Shell", "bash", "https://www.gnu.org/software/bash/manual/", [
        "strict-mode", "parameter-expansion", "here-documents", "process-substitution", "traps", "xargs-parallel",
        "find-exec", "arrays", "read-loops", "brace-expansion", "exit-codes", "redirections", "subshells",
        "getopts", "jq-basics", "sed-in-place", "awk-columns", "ssh-config", "tmux-sessions", "rsync-flags"],
        ["set -euo pipefail", "${var:-default}", "<<'EOF'", "<(cmd)", "trap cleanup EXIT", "xargs -P 4",
         "find . -name '*.log' -exec rm {} +", "\"${arr[@]}\"", "while IFS= read -r line", "$?", "2>&1",
         "jq '.items[]'", "sed -i", "awk '{print $2}'", "rsync -avz --delete"]),
    ("docker", "Docker", "dockerfile", "https://docs.docker.com/reference/", [
        "multi-stage-builds", "layer-caching", "dockerignore", "healthchecks", "compose-profiles",
        "volumes-and-bind-mounts", "entrypoint-and-cmd", "build-args", "non-root-user", "smaller-images",
        "cache-mounts", "networks", "logs", "prune", "restart-policies"],
        ["FROM python:3.12-slim AS build", "COPY --from=build", ".dockerignore", "HEALTHCHECK", "docker compose --profile",
         "ENTRYPOINT", "ARG", "USER app", "RUN --mount=type=cache", "docker system prune", "docker logs -f"]),
    ("javascript", "JavaScript", "js", "https://developer.mozilla.org/en-US/docs/Web/JavaScript/", [
        "optional-chaining", "nullish-coalescing", "array-flat", "promise-all-settled", "async-iterators",
        "destructuring-defaults", "es-modules", "closures", "event-loop", "debounce", "abort-controller",
        "structured-clone", "intl-dateformat", "maps-and-objects", "array-at", "weakmap", "tagged-templates"],
        ["a?.b", "x ?? y", "arr.flat()", "Promise.allSettled", "for await", "const { a = 1 } = obj", "export default",
         "setTimeout", "AbortController", "structuredClone", "Intl.DateTimeFormat", "new Map()", "arr.at(-1)"]),
    ("css", "CSS", "css", "https://developer.mozilla.org/en-US/docs/Web/CSS/", [
        "flexbox-gap", "grid-template-areas", "clamp", "container-queries", "has-selector", "custom-properties",
        "logical-properties", "aspect-ratio", "scroll-snap", "dark-mode", "position-sticky", "focus-visible",
        "cascade-layers", "nesting"],
        ["gap: 1rem", "grid-template-areas", "clamp(1rem, 2vw, 2rem)", "@container", ":has()", "var(--accent)",
         "margin-inline", "aspect-ratio: 16 / 9", "scroll-snap-type", "prefers-color-scheme", "position: sticky",
         ":focus-visible", "@layer"]),
    ("linux", "Linux", "bash", "https://man7.org/linux/man-pages/", [
        "systemd-units", "journalctl", "cron-syntax", "file-permissions", "lsof", "strace", "listening-sockets",
        "disk-usage", "open-file-limits", "swap", "symlinks", "environment-variables", "signals",
        "users-and-groups", "apt-pinning"],
        ["systemctl status", "journalctl -u app -f", "crontab -e", "chmod 600", "lsof -i :8000", "strace -f",
         "ss -tlnp", "du -sh *", "ulimit -n", "ln -s", "kill -TERM"]),
    ("kubernetes", "Kubernetes", "yaml", "https://kubernetes.io/docs/reference/", [
        "pods", "deployments", "services", "configmaps", "secrets", "liveness-probes", "resource-limits", "rollouts",
        "port-forward", "namespaces", "ingress", "cronjobs", "kubectl-contexts", "label-selectors"],
        ["kubectl get pods -o wide", "kubectl rollout undo", "kubectl port-forward", "kubectl logs -f",
         "livenessProbe", "resources.limits", "kubectl config use-context", "-l app=web"]),
    ("vim", "Vim", "vim", "https://vimhelp.org/", [
        "text-objects", "macros", "registers", "marks", "search-and-replace", "splits", "quickfix", "visual-block",
        "dot-command", "buffers"],
        ["ciw", "qa", "\"+y", "ma", ":%s/old/new/gc", ":vsplit", ":cnext", "Ctrl-v", ":ls"]),
    ("http", "HTTP", "bash", "https://developer.mozilla.org/en-US/docs/Web/HTTP/", [
        "status-codes", "cache-control", "cors", "etags", "content-negotiation", "samesite-cookies", "http2",
        "redirects", "range-requests", "idempotency-keys"],
        ["curl -I", "Cache-Control: max-age=3600", "Access-Control-Allow-Origin", "If-None-Match", "Accept",
         "SameSite=Lax", "308 Permanent Redirect", "Range: bytes=0-99", "Idempotency-Key"]),
    ("regex", "Regular expressions", "python", "https://docs.python.org/3/library/re.html", [
        "lookaheads", "non-greedy", "named-groups", "backreferences", "anchors", "unicode-classes", "verbose-mode",
        "catastrophic-backtracking"],
        ["(?=...)", ".*?", "(?P<name>...)", "\\1", "re.MULTILINE", "\\w", "re.VERBOSE", "re.fullmatch"]),
    ("github-actions", "GitHub Actions", "yaml", "https://docs.github.com/en/actions/", [
        "matrix-builds", "caching-dependencies", "reusable-workflows", "encrypted-secrets", "concurrency",
        "artifacts", "path-filters", "job-outputs"],
        ["strategy.matrix", "actions/cache", "workflow_call", "secrets.GITHUB_TOKEN", "concurrency.group",
         "actions/upload-artifact", "paths-ignore", "needs.build.outputs"]),
    ("make", "Make", "makefile", "https://www.gnu.org/software/make/manual/", [
        "phony-targets", "automatic-variables", "pattern-rules", "order-only-prerequisites", "self-documenting"],
        [".PHONY", "$@", "%.o: %.c", "$(wildcard src/*.md)", "$(MAKE) -C"]),
]

# How a slug reads, when not just as its words.
TIL_PHRASES = {
    "f-strings": "f-strings", "ctes": "CTEs", "recursive-ctes": "recursive CTEs", "explain-analyze": "EXPLAIN ANALYZE",
    "distinct-on": "DISTINCT ON", "coalesce": "COALESCE", "dockerignore": ".dockerignore", "jq-basics": "jq basics",
    "lsof": "lsof", "strace": "strace", "journalctl": "journalctl", "cors": "CORS", "etags": "ETags", "http2": "HTTP/2",
    "samesite-cookies": "SameSite cookies", "configmaps": "ConfigMaps", "itertools-groupby": "itertools.groupby",
    "functools-cache": "functools.cache", "contextlib-suppress": "contextlib.suppress", "zip-strict": "zip(strict=True)",
    "enum-auto": "enum.auto", "textwrap-dedent": "textwrap.dedent", "has-selector": "the :has() selector",
    "array-at": "Array.prototype.at", "weakmap": "WeakMap", "pathlib": "pathlib", "tmux-sessions": "tmux sessions",
    "rsync-flags": "rsync flags", "ssh-config": "~/.ssh/config", "kubectl-contexts": "kubectl contexts",
}

# Variants of a concept, for the many notes of a big repository: (slug suffix, title suffix).
TIL_MODIFIERS = [
    ("gotchas", "gotchas"), ("one-liner", "a one-liner"), ("in-practice", "in practice"), ("debugging", "debugging"),
    ("performance", "performance"), ("examples", "more examples"), ("cheatsheet", "cheat sheet"),
    ("edge-cases", "edge cases"), ("revisited", "revisited"), ("at-work", "what I used at work"),
]

TIL_INTROS = [
    "Today I learned that {t} is simpler than I thought: {c} does most of the work.",
    "I keep looking this up, so here it is: {t}, and the one thing I always forget, {c}.",
    "A colleague showed me {c} in a code review, and it changed how I think about {t}.",
    "Short version: reach for {c}. The long version is below, with the mistake that taught me.",
    "Notes on {t}, from a bug that took me an afternoon to find.",
    "{T}, as I wish someone had explained it to me: what {c} does, and when not to use it.",
    "TIL about {t}. The documentation is thorough; this is the part I actually use.",
    "I had been doing {t} the long way for years before I found {c}.",
]

TIL_SENTENCES = [
    "The documentation mentions {c} in passing, but it is the part that matters.",
    "It works the same way in {o}, which is how I remember it.",
    "The error message did not help: it pointed at the line after the real problem.",
    "The default is sensible for scripts and wrong for long-running services.",
    "I checked it on a throwaway copy first; {c} is not something to try on real data.",
    "Most examples online are from older versions, before {c} existed.",
    "With {c}, the three lines I used to write become one, and the intent is clearer.",
    "What surprised me is that {t} is lazy: nothing happens until the result is used.",
    "The behaviour changed between versions, so pin the version if you depend on it.",
    "There is a flag for the common case, and it is not on by default.",
    "This bit me in production once, which is why it gets a note.",
    "When in doubt, {c} and read the output before changing anything.",
    "I found this while reading the source of a library I use every day.",
    "Compared with {o}, the trade-off is memory for speed.",
    "It is easy to get right once and wrong the next time, so I keep the snippet here.",
    "The fix was one line; finding it took reading the manual page twice.",
    "Do not mix it with {o} in the same place: the two interact in surprising ways.",
    "Nothing else needs to change: the rest of the code keeps working as before.",
    "On a large input the difference is dramatic, from minutes to seconds.",
    "Under the hood, {c} is a thin wrapper around something older and stranger.",
]

TIL_BULLETS = [
    "`{c}` is the one to remember.",
    "It does nothing on an empty input, and says nothing either.",
    "Quote the arguments, always.",
    "Check the return value; it fails quietly otherwise.",
    "Works on Linux and macOS; Windows needs a different approach.",
    "The order of the options matters.",
    "Read the output of `{c}` before running the next step.",
    "It is safe to run twice.",
    "Slower than the obvious way on tiny inputs, faster on anything real.",
    "The older syntax still works, but the linter complains about it.",
    "See also {o}.",
    "Keep it out of hot loops.",
]

TIL_STEPS = [
    "Reproduce the problem on the smallest input I can find.",
    "Run `{c}` and read what it prints.",
    "Change one thing at a time.",
    "Write the fix, then a test that fails without it.",
    "Check the edge cases: empty, one element, very large.",
    "Commit, with the command in the message for next time.",
]

TIL_HEADINGS = [
    "The problem", "The fix", "Example", "Why it works", "Gotchas", "Before and after", "When to use it",
    "What I tried first", "The one-liner", "In detail", "Trying it out", "Caveats", "How I found out",
]

TIL_TABLE_DESCRIPTIONS = [
    "what I reach for first", "clearer, a little slower", "only in recent versions", "avoid in scripts",
    "safe to run twice", "the default", "needs a flag", "the old way", "fast on large inputs", "rarely needed",
]

TIL_IMAGES = [
    "Diagram of {t}", "Screenshot: {t} in the terminal", "Sketch of how {t} works", "Before and after {t}",
    "Timings with and without {t}",
]

TIL_OUTPUTS = [
    "3 passed in 0.12s", "real    0m0.412s\nuser    0m0.380s\nsys     0m0.031s", "OK", "done: 128 rows",
    "[1, 2, 3, 5, 8]", "200 OK", "exit status 0", "Traceback (most recent call last):\n  ...\nKeyError: 'name'",
]

# Code blocks by language; {fn} becomes a name made from the note's slug.
TIL_CODE = {
    "python": [
        ("import functools\n\n\ndef {fn}(func):\n    @functools.wraps(func)\n    def wrapper(*args, **kwargs):\n"
         "        print(f\"calling {func.__name__}\")\n        return func(*args, **kwargs)\n    return wrapper"),
        ("from pathlib import Path\n\n\ndef {fn}(root: Path) -> list[Path]:\n"
         "    return sorted(p for p in root.rglob(\"*.md\") if not p.name.startswith(\".\"))"),
        ("from dataclasses import dataclass, field\n\n\n@dataclass(frozen=True)\nclass {Fn}:\n    name: str\n"
         "    tags: list[str] = field(default_factory=list)"),
        ("import subprocess\n\nresult = subprocess.run([\"git\", \"status\", \"--short\"], capture_output=True, text=True,"
         " check=True)\nprint(result.stdout)"),
        ("from collections import Counter\n\nwords = open(\"notes.txt\").read().split()\n"
         "for word, n in Counter(words).most_common(5):\n    print(f\"{word:>12} {n}\")"),
        ("def {fn}(items):\n    seen = set()\n    for item in items:\n        if item not in seen:\n"
         "            seen.add(item)\n            yield item"),
        ("import re\n\nPATTERN = re.compile(r\"(?P<key>\\w+)=(?P<value>[^;]+)\")\n"
         "print({m[\"key\"]: m[\"value\"] for m in PATTERN.finditer(\"a=1;b=two\")})"),
    ],
    "bash": [
        "#!/usr/bin/env bash\nset -euo pipefail\n\nfor f in \"$@\"; do\n  echo \"processing $f\"\ndone",
        "git log --oneline --graph --decorate -20",
        "find . -name '*.log' -mtime +7 -print0 | xargs -0 rm -f",
        "curl -sS -D - -o /dev/null https://example.com/ | grep -i cache-control",
        "tmp=$(mktemp -d)\ntrap 'rm -rf \"$tmp\"' EXIT\ncp -r src \"$tmp\"/",
        "git rebase -i --autosquash main\ngit push --force-with-lease",
    ],
    "sql": [
        ("SELECT user_id, created_at,\n       ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY created_at DESC) AS rn\n"
         "FROM orders;"),
        ("WITH recent AS (\n  SELECT * FROM events WHERE created_at > now() - interval '7 days'\n)\n"
         "SELECT kind, count(*) FROM recent GROUP BY kind ORDER BY 2 DESC;"),
        "INSERT INTO settings (key, value) VALUES ('theme', 'dark')\nON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;",
        "EXPLAIN ANALYZE\nSELECT * FROM orders WHERE customer_id = 42 AND status = 'open';",
        "CREATE INDEX CONCURRENTLY orders_open_idx ON orders (customer_id) WHERE status = 'open';",
    ],
    "dockerfile": [
        ("FROM python:3.12-slim AS build\nWORKDIR /app\nCOPY requirements.txt .\n"
         "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n\n"
         "FROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\nUSER 1000\nCMD [\"python\", \"-m\", \"app\"]"),
        "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost:8000/health || exit 1",
        "ARG VERSION=dev\nLABEL org.opencontainers.image.version=$VERSION\nENTRYPOINT [\"/entrypoint.sh\"]",
    ],
    "js": [
        "const name = user?.profile?.name ?? \"anonymous\";\nconsole.log(name);",
        ("async function {fn}(urls) {\n  const results = await Promise.allSettled(urls.map((u) => fetch(u)));\n"
         "  return results.filter((r) => r.status === \"fulfilled\").map((r) => r.value);\n}"),
        ("function debounce(fn, ms) {\n  let timer;\n  return (...args) => {\n    clearTimeout(timer);\n"
         "    timer = setTimeout(() => fn(...args), ms);\n  };\n}"),
        "const controller = new AbortController();\nsetTimeout(() => controller.abort(), 5000);\n"
        "await fetch(url, { signal: controller.signal });",
    ],
    "css": [
        ".cards {\n  display: grid;\n  grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));\n  gap: 1rem;\n}",
        "h1 {\n  font-size: clamp(1.5rem, 4vw, 3rem);\n}",
        ".card:has(img) {\n  padding-block-start: 0;\n}\n\n@media (prefers-color-scheme: dark) {\n"
        "  :root { --bg: #111; }\n}",
    ],
    "yaml": [
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n"
         "    spec:\n      containers:\n        - name: web\n          image: web:1.4.2\n          resources:\n"
         "            limits:\n              memory: 256Mi"),
        ("jobs:\n  test:\n    strategy:\n      matrix:\n        python: [\"3.11\", \"3.12\"]\n    runs-on: ubuntu-latest\n"
         "    steps:\n      - uses: actions/checkout@v4\n      - run: make test"),
        "livenessProbe:\n  httpGet:\n    path: /health\n    port: 8000\n  periodSeconds: 10",
    ],
    "vim": [
        "\" in ~/.vimrc\nset hidden\nset incsearch\nnnoremap <leader>w :w<CR>",
        ":%s/\\<foo\\>/bar/gc\n:g/TODO/d",
    ],
    "makefile": [
        ".PHONY: test lint\n\ntest:\n\tpytest -q\n\nlint:\n\truff check .",
        "build/%.html: src/%.md | build\n\tpandoc $< -o $@\n\nbuild:\n\tmkdir -p $@",
    ],
}

# Inline code for the notes of the ML subjects the learner starts on once the site is up.
ML_TOKENS = ["np.linalg.solve", "np.allclose", "rng = np.random.default_rng(0)", "axis=0", "torch.no_grad()",
             "cross_val_score", "fit_transform", "np.einsum", "scipy.stats", "random_state=0"]
