// No extra line: what webpack 5.60 and 5.82 build procurement-precheck/inline with, and current
// webpack (top-level await on by default from 5.83) the default entry. As a control, webpack 5.60
// and 5.82 fail to build the default entry with it.
module.exports = {
  mode: 'production',
  entry: './src/main.js',
  output: { path: `${__dirname}/dist`, filename: 'main.js' },
};
