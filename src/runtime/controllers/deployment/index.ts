// The Deployment controller (pkg/controller/deployment). Filled in by the deployment work.
import type { Controller } from '../../controller.js';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';

export const deploymentController: Controller = {
  name: DEPLOYMENT_CONTROLLER,
  watches: {},
  sync: () => [],
};
