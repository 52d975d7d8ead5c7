"""Stage 5, results for readers: aggregates, plots, figures, an HTML report, evaluation.

``aggregate`` makes the actor × target table with bootstrap intervals; ``plots`` (per-speaker
charts), ``plots_statements`` (over time, sentiment) and ``plots_compare`` (sources, before and
after a date) draw one Axes each, in the colours and labels of ``plot_style``; ``figures``
writes the standard set; ``render`` the HTML view of one document; ``evaluate`` compares a run
with gold annotations.
"""
