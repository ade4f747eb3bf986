import helpers.circ_b as b
A = 'a'


def use_b():
    return b.B
