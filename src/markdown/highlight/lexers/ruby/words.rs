//! The Ruby lexer's word tables, from rouge 3.30's `lexers/ruby.rb`, each sorted for binary
//! search.

/// rouge's `keywords` (`defined?` is handled with them), sorted.
pub(super) const KEYWORDS: &str =
    "BEGIN END alias begin break case do else elsif end ensure for if in next raise redo \
    rescue retry return super then undef unless until when while yield";

pub(super) const PSEUDO: &str =
    "__FILE__ __LINE__ alias_method attr catch extend false include loop module_function nil \
    private protected public raise throw true";

/// rouge's `builtins_g` (builtins that may take arguments), sorted.
pub(super) const BUILTINS: &str =
    "__id__ __send__ abort ancestors at_exit attr_accessor attr_reader attr_writer autoload \
    binding callcc caller catch chomp chop class_eval class_variables clone const_get \
    const_missing const_set constants display dup eval exec exit extend fail fork format \
    freeze getc gets global_variables gsub hash id included_modules inspect instance_eval \
    instance_method instance_methods instance_variable_get instance_variable_set \
    instance_variables lambda load local_variables loop method method_missing methods \
    module_eval name object_id open p print printf private_class_method \
    private_instance_methods private_methods proc protected_instance_methods \
    protected_methods public_class_method public_instance_methods public_methods putc puts \
    raise rand readline readlines require require_relative scan select self send \
    set_trace_func singleton_methods sleep split sprintf srand sub syscall system taint test \
    throw to_a to_s trace_var trap untaint untrace_var warn";

/// rouge's `builtins_q` (predicates, written with `?`), sorted.
pub(super) const BUILTINS_Q: &str =
    "autoload block_given const_defined eql equal frozen include instance_of is_a iterator \
    kind_of method_defined nil private_method_defined protected_method_defined \
    public_method_defined respond_to tainted";

/// rouge's `builtins_b` (written with `!`), sorted.
pub(super) const BUILTINS_B: &str = "chomp chop exit gsub sub";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_should_be_sorted_for_binary_search() {
        for table in [KEYWORDS, PSEUDO, BUILTINS, BUILTINS_Q, BUILTINS_B] {
            assert!(
                crate::markdown::highlight::scan::is_word_table(table),
                "a word table should be sorted: {table}"
            );
        }
    }
}
