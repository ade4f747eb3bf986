print('cyc_first: start')
import helpers.cyc_second as circ_b

A_VALUE = 'a-value'


def from_a():
    return 'from_a sees ' + circ_b.B_VALUE


print('cyc_first: end')
