#pragma once

#include "core/decimal.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace parkpress::core {

__extension__ using UInt128 = unsigned __int128;

/// The encoding of parkpress's own binary files (the park cache, the content's file
/// metadata): numbers as LEB128 varints (signed ones zigzag-encoded, so that small negative
/// numbers stay short), strings as their length and bytes.
class BinaryWriter {
public:
    std::string bytes;

    void u128(UInt128 v);
    void u64(std::uint64_t v) { u128(v); }
    void i128(Int128 v);
    void i64(std::int64_t v) { i128(v); }
    void str(std::string_view s) {
        u64(s.size());
        bytes.append(s);
    }
};

/// Reads what BinaryWriter wrote; throws std::out_of_range past the end or on a bad count.
class BinaryReader {
public:
    explicit BinaryReader(std::string_view bytes) : m_bytes(bytes) {}

    [[nodiscard]] bool at_end() const { return m_pos == m_bytes.size(); }
    [[nodiscard]] std::size_t position() const { return m_pos; }
    void skip(std::size_t n) {
        need(n);
        m_pos += n;
    }
    UInt128 u128();
    std::uint64_t u64() { return static_cast<std::uint64_t>(u128()); }
    Int128 i128();
    std::int64_t i64() { return static_cast<std::int64_t>(i128()); }
    int i32() { return static_cast<int>(i64()); }
    /// A count of items that each take at least `item_size` bytes: bounded by what is left.
    std::size_t count(std::size_t item_size);
    std::string str();

protected:
    void need(std::size_t n) const;

private:
    std::string_view m_bytes;
    std::size_t m_pos = 0;
};

/// Appends the digest of `bytes` to them, so that a damaged file is never trusted.
void seal(std::string& bytes);
/// The bytes before the digest seal() appended, if they start with `magic` and the digest
/// is theirs; nullopt for a damaged, cut or foreign file.
std::optional<std::string_view> unseal(std::string_view bytes, std::string_view magic);
/// Writes `bytes` to a temporary file beside `file`, then renames it: a reader sees the old
/// file or the new one, never a part. Throws std::runtime_error.
void write_file_atomically(const std::filesystem::path& file, std::string_view bytes);

} // namespace parkpress::core
