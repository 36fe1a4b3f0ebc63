//! `shout!("text")`: the string literal in upper case, made at compile time by this proc-macro
//! (which the backend under test compiles and rustc then runs).

use proc_macro::{Literal, TokenStream, TokenTree};

#[proc_macro]
pub fn shout(input: TokenStream) -> TokenStream {
    let text = input.to_string();
    let inner = text.trim().trim_matches('"');
    TokenTree::Literal(Literal::string(&inner.to_uppercase())).into()
}
