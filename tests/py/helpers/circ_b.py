print('circ_b: start')
import helpers.circ_a as circ_a

B_VALUE = 'b-value'


def from_b():
    return 'from_b sees ' + circ_a.A_VALUE


print('circ_b: end, circ_a has A_VALUE yet?', hasattr(circ_a, 'A_VALUE'))
