//! Reading the site's content: walking files (`load`), front matter, and
//! building (`build`) the model (`model`, types only).

pub mod aliases;
pub mod assets;
pub mod build;
pub mod file_types;
pub mod front_matter;
pub mod left_out;
pub mod load;
pub mod model;
pub mod static_dir;
mod tree;
