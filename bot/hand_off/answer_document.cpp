// answer_document: header values on one line, the answer as the body.
#include "bot/hand_off/answer_document.hpp"

#include "knowledge/utf8.hpp"

namespace superbruger::bot::hand_off {

namespace {

constexpr std::size_t max_title_bytes = 150;

/// One line without control characters: a header value cannot span lines.
std::string one_line(std::string const& text) {
    std::string out;
    for (char c : text) {
        bool const control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        if (control) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

AnswerDocument answer_document(storage::HandOff const& h, std::string const& date) {
    AnswerDocument d;
    // The number alone is not unique for ever: once retention has emptied the table, SQLite can
    // give it out again. With the moment it was asked, an unrelated answer never replaces this file.
    std::string asked;
    for (char c : h.asked_at) {
        if (c >= '0' && c <= '9') asked += c;
    }
    d.file_stem = "svar-" + std::to_string(h.id) + "-" + asked.substr(0, 14);
    d.title = knowledge::utf8::cut(one_line(h.question), max_title_bytes);
    std::string body;
    for (char c : h.latest_answer) {
        if (c != '\r') body += c;
    }
    d.text = "---\nid: " + d.file_stem + "\ntitle: " + d.title + "\nkind: local\nsource: " +
             one_line("Svar fra " + h.latest_answer_by + " på spørgsmål " + std::to_string(h.id) + " i superbrugernetværket, " + date) +
             "\n---\n" + body + "\n";
    return d;
}

}  // namespace superbruger::bot::hand_off
