print('cyc_second: start')
import helpers.cyc_first as circ_a

B_VALUE = 'b-value'


def from_b():
    return 'from_b sees ' + circ_a.A_VALUE


print('cyc_second: end, circ_a has A_VALUE yet?', hasattr(circ_a, 'A_VALUE'))
