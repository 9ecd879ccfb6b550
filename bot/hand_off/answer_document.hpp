// The knowledge document a coordinator makes of an answered hand-off ("føj svar 12 til
// vidensbasen"): the question becomes the title, the latest answer the text, and who answered
// when the source, so the next person asking the same gets the answer from the bot itself.
#pragma once

#include "storage/hand_offs.hpp"

#include <string>

namespace superbruger::bot::hand_off {

struct AnswerDocument {
    std::string file_stem;  ///< "svar-12-20261123090000" (number and when it was asked): the file and the document id
    std::string title;      ///< the question on one line, cut to a title's length
    std::string text;       ///< the whole file: header and body
};

/// `date`: the day it is added (YYYY-MM-DD), named in the source line.
AnswerDocument answer_document(storage::HandOff const& hand_off, std::string const& date);

}  // namespace superbruger::bot::hand_off
