#include "load/toml_reader.hpp"

#include "core/text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace parkpress::load {

SourceLocation location_of(core::FileName file, const toml::source_region& region) {
    return {file, std::max<std::uint32_t>(region.begin.line, 1), std::max<std::uint32_t>(region.begin.column, 1)};
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    case toml::node_type::none: return "nothing";
    }
    return "value";
}

TableReader::TableReader(const toml::table& table, core::FileName file, std::string what, Diagnostics& diagnostics,
                         std::vector<std::string> allowed)
    : m_table(table), m_file(file), m_what(std::move(what)), m_diagnostics(diagnostics),
      m_allowed(std::move(allowed)) {}

void TableReader::finish() {
    for (const auto& [key, node] : m_table) {
        const std::string name(key.str());
        if (std::find(m_allowed.begin(), m_allowed.end(), name) == m_allowed.end()) {
            m_diagnostics.error(location_of(m_file, key.source()),
                                fmt::format("unknown key \"{}\" in {}{}", name, m_what, core::did_you_mean(name, m_allowed)));
        }
    }
}

SourceLocation TableReader::where(std::string_view key) const {
    if (const toml::node* node = m_table.get(key)) {
        return location_of(m_file, node->source());
    }
    return where();
}

const toml::node* TableReader::get(std::string_view key, bool required) {
    const toml::node* node = m_table.get(key);
    if (node == nullptr && required) {
        m_diagnostics.error(where(), fmt::format("missing required key \"{}\" in {}", key, m_what));
    }
    return node;
}

void TableReader::wrong_type(std::string_view key, const toml::node& node, std::string_view expected) {
    m_diagnostics.error(location_of(m_file, node.source()),
                        fmt::format("\"{}\" must be {}, got {}", key, expected, type_name(node)));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* s = node->as_string()) {
        return s->get();
    }
    wrong_type(key, *node, "a string");
    return std::nullopt;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* i = node->as_integer()) {
        return i->get();
    }
    wrong_type(key, *node, "an integer");
    return std::nullopt;
}

std::optional<core::Decimal> TableReader::number(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* i = node->as_integer()) {
        return core::Decimal(i->get());
    }
    if (const auto* f = node->as_floating_point()) {
        const double v = f->get();
        if (!std::isfinite(v)) {
            m_diagnostics.error(location_of(m_file, node->source()),
                                fmt::format("\"{}\" must be a finite number, got {}", key,
                                            std::isnan(v) ? "nan" : v < 0 ? "-inf" : "inf"));
            return std::nullopt;
        }
        // The shortest text that reads back as the same double is the decimal the author
        // wrote (for up to 15 significant digits), so the exact value starts from it.
        const auto parsed = core::Decimal::parse(fmt::format("{}", v));
        if (!parsed) {
            m_diagnostics.error(location_of(m_file, node->source()),
                                fmt::format("\"{}\" is too large or too precise to be represented exactly", key));
        }
        return parsed;
    }
    wrong_type(key, *node, "a number");
    return std::nullopt;
}

std::optional<model::Date> TableReader::date(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* d = node->as_date()) {
        const toml::date v = d->get();
        return model::Date{v.year, v.month, v.day};
    }
    wrong_type(key, *node, "a date (YYYY-MM-DD, without quotes)");
    return std::nullopt;
}

std::optional<model::Period> TableReader::period(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* d = node->as_date()) {
        const toml::date v = d->get();
        return model::Period{v.year, model::Date{v.year, v.month, v.day}};
    }
    if (const auto* i = node->as_integer()) {
        if (i->get() < 1000 || i->get() > 9999) {
            m_diagnostics.error(location_of(m_file, node->source()),
                                fmt::format("\"{}\" must be a four-digit year, got {}", key, i->get()));
            return std::nullopt;
        }
        return model::Period{static_cast<int>(i->get()), std::nullopt};
    }
    wrong_type(key, *node, "a year (integer) or a date");
    return std::nullopt;
}

std::optional<std::string> TableReader::year_or_string(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    if (const auto* s = node->as_string()) {
        return s->get();
    }
    if (const auto* i = node->as_integer()) {
        return fmt::format("{}", i->get());
    }
    wrong_type(key, *node, "a year (integer) or a string");
    return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::string_array(std::string_view key, bool required,
                                                                  std::vector<SourceLocation>* where) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return std::nullopt;
    }
    const auto* array = node->as_array();
    if (array == nullptr) {
        wrong_type(key, *node, "an array of strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& element : *array) {
        if (const auto* s = element.as_string()) {
            out.push_back(s->get());
            if (where != nullptr) {
                where->push_back(location_of(m_file, element.source()));
            }
        } else {
            m_diagnostics.error(location_of(m_file, element.source()),
                                fmt::format("\"{}\" must contain only strings, got {}", key, type_name(element)));
            ok = false;
        }
    }
    return ok ? std::optional(out) : std::nullopt;
}

const toml::table* TableReader::table(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return nullptr;
    }
    if (const auto* t = node->as_table()) {
        return t;
    }
    wrong_type(key, *node, "a table");
    return nullptr;
}

const toml::array* TableReader::array_of_tables(std::string_view key, bool required) {
    const toml::node* node = get(key, required);
    if (node == nullptr) {
        return nullptr;
    }
    const auto* array = node->as_array();
    if (array == nullptr || (!array->empty() && !array->is_array_of_tables())) {
        wrong_type(key, *node, fmt::format("an array of tables ([[{}]])", key));
        return nullptr;
    }
    return array;
}

} // namespace parkpress::load
