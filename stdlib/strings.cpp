// String and bytes functions: CEL's standard ones and the strings extension (all arities).
// Indexes and lengths count Unicode code points.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareStrings(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"size", "size_string", false, {"string"}, "int"},
      {"size", "size_bytes", false, {"bytes"}, "int"},
      {"size", "string_size", true, {"string"}, "int"},
      {"size", "bytes_size", true, {"bytes"}, "int"},

      {"contains", "contains_string", true, {"string", "string"}, "bool"},
      {"startsWith", "starts_with_string", true, {"string", "string"}, "bool"},
      {"endsWith", "ends_with_string", true, {"string", "string"}, "bool"},
      {"matches", "matches", false, {"string", "string"}, "bool"},
      {"matches", "matches_string", true, {"string", "string"}, "bool"},

      // The strings extension.
      {"charAt", "string_char_at_int", true, {"string", "int"}, "string"},
      {"indexOf", "string_index_of_string", true, {"string", "string"}, "int"},
      {"indexOf", "string_index_of_string_int", true, {"string", "string", "int"}, "int"},
      {"lastIndexOf", "string_last_index_of_string", true, {"string", "string"}, "int"},
      {"lastIndexOf", "string_last_index_of_string_int", true, {"string", "string", "int"},
       "int"},
      {"lowerAscii", "string_lower_ascii", true, {"string"}, "string"},
      {"upperAscii", "string_upper_ascii", true, {"string"}, "string"},
      {"replace", "string_replace_string_string", true, {"string", "string", "string"},
       "string"},
      {"replace", "string_replace_string_string_int", true,
       {"string", "string", "string", "int"}, "string"},
      {"split", "string_split_string", true, {"string", "string"}, "list<string>"},
      {"split", "string_split_string_int", true, {"string", "string", "int"}, "list<string>"},
      {"substring", "string_substring_int", true, {"string", "int"}, "string"},
      {"substring", "string_substring_int_int", true, {"string", "int", "int"}, "string"},
      {"trim", "string_trim", true, {"string"}, "string"},
      {"join", "list_join", true, {"list<string>"}, "string"},
      {"join", "list_join_string", true, {"list<string>", "string"}, "string"},
      {"reverse", "string_reverse", true, {"string"}, "string"},
      // The verbs (%s %d %f %e %x %X %o %b) are checked against the values at run time.
      {"format", "string_format_list", true, {"string", "list<dyn>"}, "string"},
      {"strings.quote", "strings_quote", false, {"string"}, "string"},
  });
}

}  // namespace journey::stdlib
