"""Deprecated: the errors are public names of :mod:`cds_indicators` (``cds_indicators.InputError``).

Tracebacks of 0.1.0 printed the errors as ``cds_indicators._errors.MeasurementError``, so code may
import them from here; it keeps working, with a :class:`DeprecationWarning`, until 0.3.0.
"""

from cds_indicators._deprecation import moved_module

__getattr__ = moved_module(__name__, "cds_indicators", removed_in="0.3.0")
