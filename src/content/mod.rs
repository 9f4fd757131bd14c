//! Reading the site's content: walking files, front matter, the model.

pub mod assets;
pub mod file_types;
pub mod front_matter;
pub mod load;
pub mod model;
mod tree;
