#pragma once

#include "render/output.hpp"

#include <kainjow/mustache.hpp>

#include <deque>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace parkpress::render {

class LazyLists;

using Data = kainjow::mustache::data;

/// Moves `value` into `object[key]`. (kainjow's `set()` copies the whole subtree, and with
/// nested page data those copies were most of a build's time.)
inline void put(Data& object, const std::string& key, Data value) { object[key] = std::move(value); }

/// Moves `item` to the end of a list (kainjow's `push_back()` copies it). The engine exposes
/// the list only as const; the list itself is not const, so changing it is well defined.
/// Page data being collected. A deque, because kainjow's data has no noexcept move, so a
/// growing vector would copy every element it holds.
using DataList = std::deque<Data>;

inline void append(DataList& list, Data item) { list.push_back(std::move(item)); }

/// The collected items as one list, moved.
inline Data list_of(DataList items) {
    Data list{Data::type::list};
    auto& vector = const_cast<kainjow::mustache::basic_list<std::string>&>(list.list_value());
    vector.reserve(items.size());
    for (auto& item : items) {
        vector.push_back(std::move(item));
    }
    return list;
}
inline void append(Data& list, Data item) {
    const_cast<kainjow::mustache::basic_list<std::string>&>(list.list_value()).push_back(std::move(item));
}

/// What {{...}} does to a value: kainjow's html_escape (the five characters & < > " '),
/// copying runs of other bytes at once instead of one by one.
std::string html_escape(const std::string& text);

/// A template error in a theme: which template and what is wrong.
class TemplateError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The theme's Mustache templates, each compiled once. Every value from content is escaped by
/// the templates' {{...}}; only HTML that parkpress itself generated (narratives rendered by
/// cmark-gfm, SVG charts) is inserted with {{{...}}}.
class TemplateSet {
public:
    explicit TemplateSet(const Theme& theme);
    /// Renders `name` with `data`; templates named `_*.mustache` are available as partials.
    /// `data` gets the partials added (no copy of it is made). `lists`: the lists of views
    /// in `data` (see render/lazy.hpp), if it has any.
    [[nodiscard]] std::string render(const std::string& name, Data& data, const LazyLists* lists = nullptr) const;

private:
    struct Compiled {
        std::unique_ptr<kainjow::mustache::mustache> tmpl;
        /// The size of its last rendering, reserved for the next: a page of an indicator is
        /// megabytes, and a string that grows to it doubles twenty times.
        mutable std::size_t last_size = 0;
    };
    std::map<std::string, Compiled> m_compiled;
    std::map<std::string, std::string> m_sources;
    std::vector<std::pair<std::string, Data>> m_partials;
};

} // namespace parkpress::render
