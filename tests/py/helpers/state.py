counter = 0
items = []


def bump():
    global counter
    counter += 1
    return counter
