"""Public commitments: statuses, reasons, deadline records, burn-up charts, pages and calendar."""
