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
  { name: 'infrastructure', paths: ['main/infrastructure/'] },
  { name: 'engine', paths: ['main/engine/'] },
  { name: 'features', paths: ['main/features/'] },
  { name: 'hosts', paths: ['main/hosts/', 'preload/'] },
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
