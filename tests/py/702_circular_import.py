# topic: circular import between two modules that works in CPython (module-level import, attributes used only at call time), execution order printed
# compare: exact
# timeout: 10
import helpers.cyc_first as a
import helpers.cyc_second as b
print(a.from_a())
print(b.from_b())
print(a.circ_b is b, b.circ_a is a)
import sys
print([m for m in sorted(sys.modules) if m.startswith('helpers.cyc_')])
