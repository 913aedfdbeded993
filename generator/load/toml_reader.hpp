#pragma once

#include "core/decimal.hpp"
#include "core/diagnostics.hpp"
#include "model/model.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parkpress::load {

using core::Diagnostics;
using core::SourceLocation;

/// Where a toml++ node or key is, as a content-relative location.
SourceLocation location_of(core::FileName file, const toml::source_region& region);

/// Reads one TOML table against a schema: typed getters for the keys it allows, each
/// reporting a wrong type or a missing required key at its position, and `finish()`,
/// which reports every key that the schema does not allow (with a "did you mean" hint).
class TableReader {
public:
    TableReader(const toml::table& table, core::FileName file, std::string what, Diagnostics& diagnostics,
                std::vector<std::string> allowed);

    /// Reports unknown keys. Call once, after the getters.
    void finish();

    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<std::int64_t> integer(std::string_view key, bool required);
    /// An integer or float, exactly as decimal; rejects nan and inf.
    std::optional<core::Decimal> number(std::string_view key, bool required);
    std::optional<model::Date> date(std::string_view key, bool required);
    /// An integer year (four digits) or a date.
    std::optional<model::Period> period(std::string_view key, bool required);
    /// A year as an integer or a string naming an evaluation round.
    std::optional<std::string> year_or_string(std::string_view key, bool required);
    /// An array of strings; `where` (if given) receives each element's location.
    std::optional<std::vector<std::string>> string_array(std::string_view key, bool required,
                                                         std::vector<SourceLocation>* where = nullptr);
    const toml::table* table(std::string_view key, bool required);
    const toml::array* array_of_tables(std::string_view key, bool required);

    /// Where the value of `key` is (or the table when the key is absent).
    [[nodiscard]] SourceLocation where(std::string_view key) const;
    [[nodiscard]] SourceLocation where() const { return location_of(m_file, m_table.source()); }
    [[nodiscard]] const std::string& file() const { return m_file.str(); }
    [[nodiscard]] Diagnostics& diagnostics() const { return m_diagnostics; }

private:
    const toml::node* get(std::string_view key, bool required);
    void wrong_type(std::string_view key, const toml::node& node, std::string_view expected);

    const toml::table& m_table;
    core::FileName m_file;
    std::string m_what;
    Diagnostics& m_diagnostics;
    std::vector<std::string> m_allowed;
};

/// "string", "integer", "table" ... for messages.
std::string_view type_name(const toml::node& node);

} // namespace parkpress::load
