"""The columnar evaluator: :func:`evaluate_frame` on pandas, polars and pyarrow tables."""

from cds_indicators._evaluation.columnar.frame import evaluate_frame

__all__ = ["evaluate_frame"]
