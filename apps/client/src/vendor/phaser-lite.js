/**
 * A selective Phaser 4 build: the core systems plus only the game objects this client draws
 * (Image, Graphics, Rectangle, Container). Vite aliases `phaser` to this file (see
 * build/phaser-lite-plugin.ts), so the code keeps `import Phaser from 'phaser'` and its types.
 * Add a module here when a scene starts using another Phaser feature.
 */
import CONST from 'phaser-src/const.js';
import Extend from 'phaser-src/utils/object/Extend.js';
import Cameras2D from 'phaser-src/cameras/2d/index.js';
import Core from 'phaser-src/core/index.js';
import Events from 'phaser-src/events/index.js';
import Game from 'phaser-src/core/Game.js';
import DisplayList from 'phaser-src/gameobjects/DisplayList.js';
import GameObjectCreator from 'phaser-src/gameobjects/GameObjectCreator.js';
import GameObjectFactory from 'phaser-src/gameobjects/GameObjectFactory.js';
import UpdateList from 'phaser-src/gameobjects/UpdateList.js';
import GameObject from 'phaser-src/gameobjects/GameObject.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import Graphics from 'phaser-src/gameobjects/graphics/Graphics.js';
import Image from 'phaser-src/gameobjects/image/Image.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser-src/gameobjects/image/ImageFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';
import Input from 'phaser-src/input/index.js';
import LoaderPlugin from 'phaser-src/loader/LoaderPlugin.js';
import Renderer from 'phaser-src/renderer/index.js';
import Scale from 'phaser-src/scale/index.js';
import Scene from 'phaser-src/scene/Scene.js';
import Scenes from 'phaser-src/scene/index.js';
import Textures from 'phaser-src/textures/index.js';
import Time from 'phaser-src/time/index.js';
import Tweens from 'phaser-src/tweens/index.js';

const Phaser = Extend(
  false,
  {
    Cameras: { Scene2D: Cameras2D },
    Core,
    Events,
    Game,
    GameObjects: {
      DisplayList,
      GameObjectCreator,
      GameObjectFactory,
      UpdateList,
      GameObject,
      Container,
      Graphics,
      Image,
      Rectangle,
    },
    Input,
    Loader: { LoaderPlugin },
    Renderer,
    Scale,
    Scene,
    Scenes,
    Textures,
    Time,
    Tweens,
  },
  CONST,
);

export default Phaser;
