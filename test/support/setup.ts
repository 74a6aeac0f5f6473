import { writeTemplates } from "./synth";

// After every test, the templates of the apps it made go to test-templates/ for cfn-lint.
afterEach(() => {
  writeTemplates();
});
