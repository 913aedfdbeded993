#pragma once

#include "core/diagnostics.hpp"
#include "model/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parkpress::load {

struct LoadedContent;

/// The parks an earlier build loaded, so that a rebuild parses only the park files that
/// changed. A park is taken from the cache when its TOML file and its narrative have the same
/// digests as then, and everything else it was read against is the same too: the content
/// files that are not a park's or a bulletin's (site, indicators, sources, provinces) and
/// parkpress itself. With the loading warnings it gave then, a cached park is
/// indistinguishable from one loaded again; tests compare the two.
///
/// The file is binary, written by `write` in one piece (a temporary file renamed) and
/// checked whole when read (a digest of its bytes): a missing, damaged or foreign cache is
/// an empty one, and the parks are loaded from their files.
class ParkCache {
public:
    /// A park as the cache holds it, with the warnings loading it gave.
    struct Entry {
        model::Park park;
        std::vector<core::Diagnostic> diagnostics;
    };

    ParkCache() = default;
    /// The cache in `file`, if `program` (parkpress's own digest and options) wrote it.
    static ParkCache read(const std::filesystem::path& file, std::string_view program);
    /// Writes the parks of `content`, which loaded without errors; a park that `old` holds
    /// with the same files is copied from it rather than encoded again. Throws
    /// std::runtime_error.
    static void write(const std::filesystem::path& file, std::string_view program, const LoadedContent& content,
                      const ParkCache* old = nullptr);

    /// The park file `file` (content-relative) as the cache holds it, if its TOML and its
    /// narrative ("" for none) had these digests and it was read against the same `shared`
    /// files (LoadedContent::shared_digest). Decoded at each call; safe from any thread.
    [[nodiscard]] std::optional<Entry> find(const std::string& file, std::string_view toml_digest,
                                            std::string_view narrative_digest, std::string_view shared) const;
    [[nodiscard]] std::size_t size() const { return m_records.size(); }

    /// The bytes `write` writes, and the cache they hold: for tests.
    static std::string serialize(std::string_view program, const LoadedContent& content,
                                 const ParkCache* old = nullptr);
    static ParkCache deserialize(std::string bytes, std::string_view program);

private:
    /// Where a park's record is in m_bytes: all of it, and its encoded park and warnings.
    struct Record {
        std::string toml_digest;
        std::string narrative_digest;
        std::size_t offset = 0;
        std::size_t length = 0;
        std::size_t body = 0;
        std::size_t body_length = 0;
    };
    std::string m_bytes;
    std::string m_shared;
    std::unordered_map<std::string, Record> m_records;
};

} // namespace parkpress::load
