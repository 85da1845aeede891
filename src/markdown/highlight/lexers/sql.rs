//! SQL, as rouge 3.30's `SQL` lexer (`lexers/sql.rb`, tag `sql`). Its states: `root` (white
//! space, `--` comments, integers, strings, quoted names, words: data types, keywords or names,
//! in any case; operators and punctuation), `multiline_comments` (which nest), `single_string`,
//! `double_string` and `backtick` (a backslash escapes, a doubled quote is an escape).

use crate::ctype::{is_ruby_space, is_ruby_word};
use crate::markdown::highlight::{
    emit::Emitter,
    scan::{in_words, run_states, Scan, States},
    token::Tok,
};

/// rouge's `SQL.keywords`, sorted (upper case: words are compared upper-cased).
const KEYWORDS: &str =
    "ABORT ABS ABSOLUTE ACCESS ADA ADD ADMIN AFTER AGGREGATE ALIAS ALL ALLOCATE ALTER ANALYSE \
    ANALYZE AND ANY ARE AS ASC ASENSITIVE ASSERTION ASSIGNMENT ASYMMETRIC AT ATOMIC \
    AUTHORIZATION AVG BACKWARD BEFORE BEGIN BETWEEN BITVAR BIT_LENGTH BOTH BREADTH BY C CACHE \
    CALL CALLED CARDINALITY CASCADE CASCADED CASE CAST CATALOG CATALOG_NAME CHAIN \
    CHARACTERISTICS CHARACTER_LENGTH CHARACTER_SET_CATALOG CHARACTER_SET_NAME \
    CHARACTER_SET_SCHEMA CHAR_LENGTH CHECK CHECKED CHECKPOINT CLASS CLASS_ORIGIN CLOB CLOSE \
    CLUSTER COALSECE COBOL COLLATE COLLATION COLLATION_CATALOG COLLATION_NAME COLLATION_SCHEMA \
    COLUMN COLUMN_NAME COMMAND_FUNCTION COMMAND_FUNCTION_CODE COMMENT COMMIT COMMITTED \
    COMPLETION CONDITION_NUMBER CONNECT CONNECTION CONNECTION_NAME CONSTRAINT CONSTRAINTS \
    CONSTRAINT_CATALOG CONSTRAINT_NAME CONSTRAINT_SCHEMA CONSTRUCTOR CONTAINS CONTINUE \
    CONVERSION CONVERT COPY CORRESPONTING COUNT CREATE CREATEDB CREATEUSER CROSS CUBE CURRENT \
    CURRENT_DATE CURRENT_PATH CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR \
    CURSOR_NAME CYCLE DATA DATABASE DATETIME_INTERVAL_CODE DATETIME_INTERVAL_PRECISION DAY \
    DEALLOCATE DECLARE DEFAULT DEFAULTS DEFERRABLE DEFERRED DEFINED DEFINER DELETE DELIMITER \
    DELIMITERS DEREF DESC DESCRIBE DESCRIPTOR DESTROY DESTRUCTOR DETERMINISTIC DIAGNOSTICS \
    DICTIONARY DISCONNECT DISPATCH DISTINCT DO DOMAIN DROP DYNAMIC DYNAMIC_FUNCTION \
    DYNAMIC_FUNCTION_CODE EACH ELSE ENCODING ENCRYPTED END END-EXEC EQUALS ESCAPE ESCEPTION \
    EVERY EXCEPT EXCLUDING EXCLUSIVE EXEC EXECUTE EXISTING EXISTS EXPLAIN EXTERNAL EXTRACT FALSE \
    FETCH FINAL FIRST FOLLOWING FOR FORCE FOREIGN FORTRAN FORWARD FOUND FREE FREEZE FROM FULL \
    FUNCTION G GENERAL GENERATED GET GLOBAL GO GOTO GRANT GRANTED GROUP GROUPING HANDLER HAVING \
    HIERARCHY HOLD HOST IDENTITY IGNORE ILIKE IMMEDIATE IMMUTABLE IMPLEMENTATION IMPLICIT IN \
    INCLUDING INCREMENT INDEX INDITCATOR INFIX INHERITS INITIALIZE INITIALLY INNER INOUT INPUT \
    INSENSITIVE INSERT INSTANTIABLE INSTEAD INTERSECT INTO INVOKER IS ISNULL ISOLATION ITERATE \
    JOIN KEY KEY_MEMBER KEY_TYPE LANCOMPILER LANGUAGE LARGE LAST LATERAL LEADING LEFT LENGTH \
    LESS LEVEL LIKE LIMIT LISTEN LOAD LOCAL LOCALTIME LOCALTIMESTAMP LOCATION LOCATOR LOCK LOWER \
    MAP MATCH MAX MAXVALUE MESSAGE_LENGTH MESSAGE_OCTET_LENGTH MESSAGE_TEXT METHOD MIN MINUTE \
    MINVALUE MOD MODE MODIFIES MODIFY MONTH MORE MOVE MUMPS NAMES NATURAL NCLOB NEW NEXT NO \
    NOCREATEDB NOCREATEUSER NONE NOT NOTHING NOTIFY NOTNULL NULL NULLABLE NULLIF OBJECT \
    OCTET_LENGTH OF OFF OFFSET OIDS OLD ON ONLY OPEN OPERATION OPERATOR OPTION OPTIONS OR ORDER \
    ORDINALITY OUT OUTER OUTPUT OVERLAPS OVERLAY OVERRIDING OWNER PAD PARAMATER_NAME \
    PARAMATER_ORDINAL_POSITION PARAMATER_SPECIFIC_SCHEMA PARAMETER PARAMETERS PARAMETER_MODE \
    PARAMETER_SPECIFIC_CATALOG PARAMETER_SPECIFIC_NAME PARTIAL PARTITION PASCAL PENDANT PLACING \
    PLI POSITION POSTFIX PRECEDING PREFIX PREORDER PREPARE PRESERVE PRIMARY PRIOR PRIVILEGES \
    PROCEDURAL PROCEDURE PUBLIC RANGE READ READS RECHECK RECURSIVE REF REFERENCES REFERENCING \
    REINDEX RELATIVE RENAME REPEATABLE REPLACE RESET RESTART RESTRICT RESULT RETURN \
    RETURNED_LENGTH RETURNED_OCTET_LENGTH RETURNED_SQLSTATE RETURNS REVOKE RIGHT ROLE ROLLBACK \
    ROLLUP ROUTINE ROUTINE_CATALOG ROUTINE_NAME ROUTINE_SCHEMA ROW ROWS ROW_COUNT RULE \
    SAVE_POINT SCALE SCHEMA SCHEMA_NAME SCOPE SCROLL SEARCH SECOND SECURITY SELECT SELF \
    SENSITIVE SERIALIZABLE SERVER_NAME SESSION SESSION_USER SET SETOF SETS SHARE SHOW SIMILAR \
    SIMPLE SIZE SOME SOURCE SPACE SPECIFIC SPECIFICTYPE SPECIFIC_NAME SQL SQLCODE SQLERROR \
    SQLEXCEPTION SQLSTATE SQLWARNINIG STABLE START STATE STATEMENT STATIC STATISTICS STDIN \
    STDOUT STORAGE STRICT STRUCTURE STYPE SUBCLASS_ORIGIN SUBLIST SUBSTRING SUM SYMMETRIC SYSID \
    SYSTEM SYSTEM_USER TABLE TABLE_NAME TEMP TEMPLATE TEMPORARY TERMINATE THAN THEN \
    TIMEZONE_HOUR TIMEZONE_MINUTE TO TOAST TRAILING TRANSACTIONS_COMMITTED \
    TRANSACTIONS_ROLLED_BACK TRANSATION TRANSATION_ACTIVE TRANSFORM TRANSFORMS TRANSLATE \
    TRANSLATION TREAT TRIGGER TRIGGER_CATALOG TRIGGER_NAME TRIGGER_SCHEMA TRIM TRUE TRUNCATE \
    TRUSTED TYPE UNCOMMITTED UNDER UNENCRYPTED UNION UNIQUE UNKNOWN UNLISTEN UNNAMED UNNEST \
    UNTIL UPDATE UPPER USAGE USER USER_DEFINED_TYPE_CATALOG USER_DEFINED_TYPE_NAME \
    USER_DEFINED_TYPE_SCHEMA USING VACUUM VALID VALIDATOR VALUES VARIABLE VERBOSE VERSION VIEW \
    VOLATILE WHEN WHENEVER WHERE WINDOW WITH WITHOUT WORK WRITE ZONE";

/// rouge's `SQL.keywords_type`, sorted.
const TYPES: &str =
    "BIGINT BINARY BIT BLOB BOOL BOOLEAN BYTE CHAR CHARACTER DATE DATETIME DEC DECIMAL DOUBLE \
    ENUM FIXED FLOAT INT INTEGER LONGBLOB LONGTEXT MEDIUMBLOB MEDIUMINT MEDIUMTEXT NATIONAL \
    NCHAR NUMERIC PRECISION REAL SERIAL SIGNED SMALLINT TEXT TIME TIMESTAMP TINYBLOB TINYINT \
    TINYTEXT UNSIGNED VARBINARY VARCHAR VARYING YEAR ZEROFILL";

#[derive(Clone, Copy, PartialEq)]
enum St {
    Root,
    Comment,
    Single,
    Double,
    Backtick,
}

pub(crate) fn lex(code: &str, e: &mut Emitter<'_>) {
    let mut stack = States::new(St::Root);
    run_states(code, e, |s, e| match stack.top() {
        St::Root => root(s, e, &mut stack),
        St::Comment => comment(s, e, &mut stack),
        St::Single => quoted(s, e, &mut stack, b'\'', Tok::StrSingle),
        St::Double => quoted(s, e, &mut stack, b'"', Tok::NameVariable),
        St::Backtick => quoted(s, e, &mut stack, b'`', Tok::NameVariable),
    });
}

fn root(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    let Some(b) = s.at(0) else { return false };
    let ws = s.run(0, is_ruby_space);
    if ws > 0 {
        e.tok(Tok::Text, s.take(ws));
        return true;
    }
    if s.starts("--") {
        let n = s.to_eol(0);
        e.tok(Tok::CommentSingle, s.take(n));
        return true;
    }
    if s.starts("/*") {
        e.tok(Tok::CommentMultiline, s.take(2));
        stack.push(St::Comment);
        return true;
    }
    let digits = s.run(0, |c| c.is_ascii_digit());
    if digits > 0 {
        e.tok(Tok::NumInteger, s.take(digits));
        return true;
    }
    let quote = match b {
        b'\'' => Some((Tok::StrSingle, St::Single)),
        b'"' => Some((Tok::NameVariable, St::Double)),
        b'`' => Some((Tok::NameVariable, St::Backtick)),
        _ => None,
    };
    if let Some((tok, next)) = quote {
        e.tok(tok, s.take(1));
        stack.push(next);
        return true;
    }
    let word = s.run(0, is_ruby_word);
    if word > 0 {
        let upper = s.rest()[..word].to_ascii_uppercase();
        let tok = if in_words(TYPES, &upper) {
            Tok::NameBuiltin
        } else if in_words(KEYWORDS, &upper) {
            Tok::Keyword
        } else {
            Tok::Name
        };
        e.tok(tok, s.take(word));
        return true;
    }
    let tok = if b"+*/<>=~!@#%&|?^-".contains(&b) {
        Tok::Operator
    } else if b";:()[]{},.".contains(&b) {
        Tok::Punctuation
    } else {
        return false;
    };
    e.tok(tok, s.take(1));
    true
}

fn comment(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>) -> bool {
    if s.starts("/*") {
        stack.push(St::Comment);
        e.tok(Tok::CommentMultiline, s.take(2));
    } else if s.starts("*/") {
        stack.pop();
        e.tok(Tok::CommentMultiline, s.take(2));
    } else {
        let n = s.run(0, |c| c != b'/' && c != b'*').max(1);
        e.tok(Tok::CommentMultiline, s.take(n));
    }
    true
}

/// A quoted string or name: a backslash escapes any character but a line end, a doubled quote
/// is an escape, the quote ends it.
fn quoted(s: &mut Scan<'_>, e: &mut Emitter<'_>, stack: &mut States<St>, q: u8, tok: Tok) -> bool {
    match s.at(0) {
        Some(b'\\') => {
            let n = s.dot(1);
            if n == 0 {
                return false;
            }
            e.tok(Tok::StrEscape, s.take(1 + n));
        }
        Some(c) if c == q && s.at(1) == Some(q) => e.tok(Tok::StrEscape, s.take(2)),
        Some(c) if c == q => {
            e.tok(tok, s.take(1));
            stack.pop();
        }
        _ => {
            let rest = s.rest().as_bytes();
            let n = rest
                .iter()
                .position(|&c| c == b'\\' || c == q)
                .unwrap_or(rest.len());
            e.tok(tok, s.take(n));
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, TYPES] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
