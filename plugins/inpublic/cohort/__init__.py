"""The cohort page: the learner's peers, read from the open data their own inpublic sites publish."""

OFFLINE_VARIABLE = "INPUBLIC_OFFLINE"  # set (and not 0): a build reads no peer's site
