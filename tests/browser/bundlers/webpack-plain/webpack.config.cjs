// No extra line: what webpack 5.82 builds procurement-precheck/inline with, and current webpack
// (top-level await on by default from 5.83) the default entry. As a control, webpack 5.82 fails
// to build the default entry with it.
module.exports = {
  mode: 'production',
  entry: './src/main.js',
  output: { path: `${__dirname}/dist`, filename: 'main.js' },
};
