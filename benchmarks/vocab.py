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
