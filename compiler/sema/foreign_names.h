// Names other languages give to what CEL spells differently (`len(x)`, `x.length`,
// `s.toLowerCase()`, `True`, `integer`): the help for an unknown name, function, method, field
// or type writes the CEL form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace journey::sema {

// How CEL writes `name` called as a function (`len(x)`) or, with `method`, as a method or a
// field of `target` (`x.sum()`, `x.length`); `target` is the receiver's or first argument's
// source text, `argument` a method's first argument's (`x.push(e)`). Empty when `name` is not
// such a name.
std::optional<std::string> celSpelling(std::string_view name, bool method, std::string_view target,
                                       std::string_view argument = {});

// CEL's literal for a name other languages give it (`True`, `None`, `nil`, `undefined`), or
// nothing.
std::optional<std::string> celLiteral(std::string_view name);

// The help for a type named as other languages name it (`integer`, `float`, `date`, `array`,
// `object`): how it is written here. Nothing for other names.
std::optional<std::string> celTypeSpelling(std::string_view name);

}  // namespace journey::sema
