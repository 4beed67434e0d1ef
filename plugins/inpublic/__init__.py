"""inpublic: a learner's notes, plan and git history, published as a site with reports, commitments and feeds."""
