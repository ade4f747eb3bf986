import helpers.circ_a as a
B = 'b'


def use_a():
    return a.A
