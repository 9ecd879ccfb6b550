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
/// BotError{usage} for a quote left open, naming its line. A quoted field that starts with "'"
/// and a formula character (as format_row writes it) reads back without the "'".
std::vector<Row> parse(std::string_view text);

/// One line of CSV with `separator` between fields and quotes where a field needs them; ends in
/// "\r\n".
std::string format_row(std::vector<std::string> const& fields, char separator = ',');

/// A CSV text (as format_row writes it) as Danish Excel opens it: a UTF-8 byte-order mark (else
/// Excel reads the file as Windows-1252), ';' between fields (Excel's list separator in a Danish
/// locale) and CRLF line ends.
std::string for_excel(std::string_view csv_text);

}  // namespace superbruger::bot::csv
