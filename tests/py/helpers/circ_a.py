print('circ_a: start')
import helpers.circ_b as circ_b

A_VALUE = 'a-value'


def from_a():
    return 'from_a sees ' + circ_b.B_VALUE


print('circ_a: end')
