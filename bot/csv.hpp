// CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, line breaks inside
// quotes), with ',' or ';' as separator (Danish Excel writes ';').
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace superbruger::bot::csv {

struct Row {
    int line = 0;  ///< where the row starts in the file, 1-based, for error messages
    std::vector<std::string> fields;
};

/// Splits a whole file into rows; a UTF-8 byte-order mark and blank lines are skipped. The
/// separator is the first of ';' or ',' found outside quotes in the first line. Throws
/// BotError{usage} for a quote left open, naming its line.
std::vector<Row> parse(std::string_view text);

/// One line of CSV with ',' separators and quotes where a field needs them; ends in "\r\n".
std::string format_row(std::vector<std::string> const& fields);

}  // namespace superbruger::bot::csv
