from ..core import VALUE as _V
DOUBLE = _V * 2
