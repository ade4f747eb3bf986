// The process-wide static names (runtime/names.h): immortal interned str objects, made once.
#include "runtime/names.h"

#include "runtime/str.h"

namespace gp {

StaticNames names;

void init_static_names() {
#define GP_NAME_INIT(n) names.n = str_new_immortal(#n);
#define GP_ALIASED_INIT(field, text) names.field = str_new_immortal(text);
  GP_STATIC_NAMES(GP_NAME_INIT)
  GP_STATIC_NAMES_ALIASED(GP_ALIASED_INIT)
#undef GP_NAME_INIT
#undef GP_ALIASED_INIT
}

}  // namespace gp
