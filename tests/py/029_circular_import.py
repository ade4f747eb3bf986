# compare: exact

import helpers.circ_a as a
import helpers.circ_b as b
print(a.use_b(), b.use_a(), a.b is b, b.a is a)
