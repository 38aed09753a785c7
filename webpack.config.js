/* Builds the task pane page, the ribbon commands page, assets and the manifest into dist/. */
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PaneBudgetPlugin } = require("./scripts/pane-budget");

const DEV_URL = "https://localhost:3000/";
// Where the add-in is hosted in production; the manifest's localhost URLs are rewritten to it.
const PROD_URL = process.env.CRM_ADDIN_URL || DEV_URL;

module.exports = (_env, argv) => {
  const dev = argv.mode !== "production";
  const testHarness = Boolean(process.env.CRM_TEST_HARNESS);
  const entry = testHarness
    ? { harness: "./test/browser/harness.tsx" }
    : { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts", dialog: "./src/commands/dialog.ts" };
  const pages = testHarness
    ? [new HtmlWebpackPlugin({ filename: "harness.html", template: "./src/taskpane/taskpane.html", chunks: ["harness"], templateParameters: { officeJs: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" } })]
    : [
        new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], templateParameters: { officeJs: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" } }),
        new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
        new HtmlWebpackPlugin({ filename: "dialog.html", template: "./src/commands/dialog.html", chunks: ["dialog"] }),
      ];
  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: { path: process.env.CRM_OUT_DIR ? path.resolve(process.env.CRM_OUT_DIR) : path.resolve(__dirname, testHarness ? "test-output/harness" : "dist"), filename: "[name].js", chunkFilename: "[name].[contenthash:8].js", publicPath: "auto", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "es2020", sourceMap: dev } } } }],
    },
    performance: { hints: false },
    plugins: [
      ...pages,
      // A production build fails when the pane's first chunk passes its gzipped budget (250 KiB).
      ...(dev || testHarness ? [] : [new PaneBudgetPlugin({ entry: "taskpane" })]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          ...(testHarness ? [] : [
            {
              from: "manifest.xml",
              to: "manifest.xml",
              transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
            },
          ]),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: Number(process.env.PORT || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: fs.existsSync(path.join(__dirname, ".certs", "localhost.crt"))
        ? { type: "https", options: { key: path.join(__dirname, ".certs", "localhost.key"), cert: path.join(__dirname, ".certs", "localhost.crt"), ca: path.join(__dirname, ".certs", "ca.crt") } }
        : "https",
    },
  };
};
