"""The rhythm of the work: the heatmap, the streaks and the review schedule."""
