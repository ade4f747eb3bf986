from ..geometry import PI_ROUNDED
from .. import geometry


def describe():
    return f'util sees PI_ROUNDED={PI_ROUNDED} and geometry.calls()={geometry.calls()}'
