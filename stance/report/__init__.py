"""Stage 5, results for readers: aggregates, plots, figures, an HTML report, evaluation.

``aggregate`` makes the actor × target table with bootstrap intervals; ``plots`` and
``plots_compare`` draw one Axes each; ``figures`` writes the standard set; ``render`` the HTML
view of one document; ``evaluate`` compares a run with gold annotations.
"""
