// The layers of the architecture, each importing only its own layer and those below it (as VS
// Code's code-layering rule does): hosts → features → engine → infrastructure → shared. An
// import that goes up the order is an error that names both layers.
import { dirname, relative, resolve } from 'node:path';

/** Layers from the bottom up; a path belongs to the first layer with a matching prefix. */
export const LAYERS = [
  {
    name: 'shared',
    paths: ['shared/', 'preload/contract.ts', 'preload/contract/', 'preload/ipc-channels.ts'],
  },
  {
    name: 'infrastructure',
    paths: [
      'main/store/',
      'main/protocols/',
      'main/secrets/',
      'main/security/',
      'main/clock.ts',
      'main/paths.ts',
      'main/version.ts',
      'main/content-security-policy.ts',
    ],
  },
  { name: 'engine', paths: ['main/migration/', 'main/diagnostics/'] },
  {
    name: 'features',
    paths: [
      'main/playbook/',
      'main/provisioning/',
      'main/notices/',
      'main/timeline/',
      'main/profiles/',
      'main/accounts/',
      'main/aliases/',
    ],
  },
  {
    name: 'hosts',
    paths: [
      'main/api/',
      'main/cli/',
      'main/web-host/',
      'main/shell/',
      'main/headless/',
      'main/services.ts',
      'preload/',
    ],
  },
];

function layerOf(root, file) {
  const path = relative(root, file).split('\\').join('/');
  const index = LAYERS.findIndex((layer) =>
    layer.paths.some((prefix) => path === prefix || path.startsWith(prefix)),
  );
  return index < 0 ? null : { index, name: LAYERS[index].name };
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports go down the layers only: hosts → features → engine → infrastructure → shared.',
    },
    schema: [],
    messages: {
      upward:
        '{{from}} code ({{file}}) may not import {{to}} code ({{target}}): the layers go hosts → features → engine → infrastructure → shared. Move what both need down a layer.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(dirname(file), source);
      const to = layerOf(root, target);
      if (to && to.index > from.index) {
        context.report({
          node,
          messageId: 'upward',
          data: {
            from: from.name,
            to: to.name,
            file: relative(root, file),
            target: relative(root, target),
          },
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
