"""What the learner did, from the history and the plan's log: public commits, notes' dates, days, progress."""
