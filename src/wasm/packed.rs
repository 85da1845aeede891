//! A [`Rendered`] handed to JS the cheap way: packed by [`crate::packed`] into memory this module
//! keeps, with a `Uint32Array` over the packed header returned; `.ci/npm/rendered.js` decodes it
//! into the plain object `renderPost` returns. Any export returning a rendered post (plus strings
//! of its own) uses [`to_js`] and that file's `unpack`.

use crate::packed::Packed;
use crate::Rendered;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The last packed post. It must outlive the call (JS reads it after the export returns) and
    /// is replaced by the next, which reuses its memory.
    static PACKED: RefCell<Packed> = RefCell::new(Packed::default());
}

/// `post` (and `extra` after its strings) packed, as a view of this instance's memory: valid
/// until the next call into the module, so JS must decode it at once, before it calls in again.
/// `utf16`: the strings as UTF-16 rather than UTF-8 (what the runtime decodes faster).
pub fn to_js(post: Rendered, extra: Vec<String>, utf16: bool) -> JsValue {
    PACKED.with(|packed| {
        let mut packed = packed.borrow_mut();
        packed.pack(post, extra, utf16);
        let header = packed.header();
        let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        // The header's address in linear memory: wasm32 pointers are offsets into it.
        js_sys::Uint32Array::new_with_byte_offset_and_length(
            &memory.buffer(),
            header.as_ptr() as usize as u32,
            header.len() as u32,
        )
        .into()
    })
}
