// Internal to stdlib/: each domain file appends its overloads to the registry. To add a
// function, add its overloads to the domain's list; to add a domain, declare its function here
// and call it from overloads.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stdlib/overloads.h"

namespace journey::stdlib {

void declareArithmetic(std::vector<Overload>& out);  // + - * / % and negation
void declareCompare(std::vector<Overload>& out);     // == != < <= > >=
void declareLogic(std::vector<Overload>& out);       // && || ! ?:
void declareListsMaps(std::vector<Overload>& out);   // size of lists and maps, `in`
void declareStrings(std::vector<Overload>& out);     // string and bytes functions, strings ext
void declareConvert(std::vector<Overload>& out);     // int() uint() double() string() ... dyn()
void declareTypes(std::vector<Overload>& out);       // type()
void declareTime(std::vector<Overload>& out);        // timestamp and duration accessors
void declareMath(std::vector<Overload>& out);        // math extension, math.sum, math.avg
void declareOptional(std::vector<Overload>& out);    // optional values
void declareEncoders(std::vector<Overload>& out);    // base64
void declareJourney(std::vector<Overload>& out);     // now(), history(), inAudience()

// The implementation of conversions and functions that return their argument unchanged.
inline Value identity(const Value* a, CallContext&) { return a[0]; }

// The error of a function given a list with an element it does not take (`want`: "numbers").
inline Value wrongElement(std::string_view function, std::string_view want, const Value& element) {
  return Value::error("`" + std::string(function) + "` takes a list of " + std::string(want) +
                      ", found an element of type `" + std::string(shownTypeName(element)) + "`");
}

}  // namespace journey::stdlib
