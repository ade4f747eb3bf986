from .. import core
name = __name__
package = __package__
TRIPLE = core.VALUE * 3
