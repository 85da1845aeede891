//! The JavaScript boundary of `postview::translations::align`: `alignBlocks`, declared with the
//! other translation functions (`translations.rs`). In the site modules, and in the page's body
//! module, whose language switcher keeps the reader's place with it.

use super::{to_js, type_error};
use crate::translations::align;
use wasm_bindgen::prelude::*;

/// See the TypeScript declaration in `translations.rs`.
#[wasm_bindgen(js_name = alignBlocks, skip_typescript)]
pub fn align_blocks_js(left: JsValue, right: JsValue) -> Result<JsValue, JsValue> {
    let read = |js: JsValue| -> Result<Vec<String>, JsValue> {
        serde_wasm_bindgen::from_value(js)
            .map_err(|_| type_error("alignBlocks: each side should be an array of HTML strings"))
    };
    to_js(&align::align_blocks(&read(left)?, &read(right)?))
}
