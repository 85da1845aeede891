//! The word tables of rouge 3.30's `C` lexer (`keywords`, `keywords_type`, `reserved`; its
//! `builtins` is empty) and what `Cpp` adds to each, sorted for `scan::in_words`.

use super::Dialect;
use crate::markdown::highlight::{scan::in_words, token::Tok};

const C_KEYWORDS: &str = "_Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn \
    _Static_assert _Thread_local auto break case const continue default do else enum extern for \
    goto if register restricted return sizeof static struct switch typedef union virtual \
    volatile while";

const C_TYPES: &str = "DIR FILE _Bool _Complex char char16_t char32_t clock_t div_t double \
    float fpos_t int int16_t int32_t int64_t int8_t int_fast16_t int_fast32_t int_fast64_t \
    int_fast8_t int_least16_t int_least32_t int_least64_t int_least8_t intmax_t intptr_t jmp_buf \
    ldiv_t long mbstate_t off_t ptrdiff_t short sig_atomic_t signed size_t ssize_t time_t \
    uint16_t uint32_t uint64_t uint8_t uint_fast16_t uint_fast32_t uint_fast64_t uint_fast8_t \
    uint_least16_t uint_least32_t uint_least64_t uint_least8_t uintmax_t uintptr_t unsigned \
    va_list void wchar_t wctrans_t wctype_t wint_t";

const C_RESERVED: &str = "__asm __based __cdecl __declspec __except __fastcall __finally \
    __inline __int16 __int32 __int61 __int8 __leave __naked __restrict __stdcall __thread __try \
    __typename _inline _naked _restrict _thread _typename inline naked restrict thread typename";

const CPP_KEYWORDS: &str = "alignas alignof asm auto catch char8_t co_await co_return \
    co_yield concept const_cast consteval constexpr constinit decltype delete dynamic_cast \
    explicit export final friend mutable namespace new noexcept operator override private \
    protected public reinterpret_cast requires restrict size_of static_assert static_cast this \
    thread_local throw throws try typeid typename using virtual";

const CPP_TYPES: &str = "bool";

const CPP_RESERVED: &str = "__event __interface __multiple_inheritance __single_inheritance \
    __super __uuidof __virtual_inheritance";

/// The token of an identifier, as the C lexer's `id` rule chooses it (C++ adds to each table).
pub(super) fn token_of(word: &str, dialect: Dialect) -> Tok {
    let cpp = dialect == Dialect::Cpp;
    let has = |c: &str, extra: &str| in_words(c, word) || (cpp && in_words(extra, word));
    if has(C_KEYWORDS, CPP_KEYWORDS) {
        Tok::Keyword
    } else if has(C_TYPES, CPP_TYPES) {
        Tok::KeywordType
    } else if has(C_RESERVED, CPP_RESERVED) {
        Tok::KeywordReserved
    } else {
        Tok::Name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [
            C_KEYWORDS,
            C_TYPES,
            C_RESERVED,
            CPP_KEYWORDS,
            CPP_TYPES,
            CPP_RESERVED,
        ] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
