/**
 * The built-in topics of today's ML papers, each with the terms that point to it. A term is a word
 * or phrase (matched on word boundaries, plurals folded), `word*` matches words starting with `word`,
 * and `^N` weighs it N times (default 1). Strong, specific terms weigh more than common ones, so
 * that the domain of a paper wins over the methods it mentions ("a benchmark for code" is Code).
 */

export interface TopicDefinition {
  readonly id: string;
  readonly label: string;
  readonly terms: readonly string[];
  /** arXiv categories that point to the topic. */
  readonly categories?: readonly string[];
}

export const OTHER_TOPIC = 'other';

export const BUILT_IN_TOPICS: readonly TopicDefinition[] = [
  {
    id: 'llm',
    label: 'LLM Reasoning & Training',
    categories: ['cs.CL'],
    terms: [
      'large language model', 'language model^0.5', 'llm^0.5', 'reasoning^1.5', 'chain-of-thought^2', 'chain of thought^2', 'math*^1.5',
      'pretraining', 'pre-training', 'post-training^2', 'fine-tuning^0.5', 'instruction tuning^2', 'rlhf^2', 'grpo^2', 'rlvr^2',
      'verifiable reward^2', 'preference optimization^2', 'dpo^2', 'reward model^1.5', 'long context^2', 'long-context^2', 'tokeniz*^2',
      'retrieval-augmented^2', 'rag^2', 'question answering', 'text generation', 'translation^1.5', 'multilingual^2', 'summarization',
      'nlp', 'natural language', 'test-time scaling^2', 'inference-time scaling^2', 'self-improvement', 'distillation^0.5',
      'named entity^2', 'olympiad^3', 'technical report^1.5', 'foundation model^0.5', 'corpus', 'language^0.3', 'token^0.3', 'reasoning model^2', 'thinking^1.5', 'o1', 'deepseek-r1^2',
      'in-context learning^1.5', 'prompt*^0.5', 'mixture of expert^0.5', 'dialogue', 'chatbot', 'hallucination^0.5', 'ocr^-1',
    ],
  },
  {
    id: 'agents',
    label: 'Agents & Tool Use',
    categories: ['cs.MA'],
    terms: [
      'agent^2.5', 'agentic^3', 'multi-agent^3', 'tool^1.5', 'tool use^3', 'tool-use^3', 'tool calling^3', 'function calling^3',
      'web agent^3', 'gui^3', 'computer use^3', 'computer-use^3', 'browser^2', 'web navigation^3', 'deep research^3', 'research agent^3',
      'planning^1', 'workflow^1', 'environment^0.5', 'interactive^0.5', 'mcp^3', 'api call^2', 'autonomous^0.5', 'search engine^1.5',
      'assistant^0.5', 'trajector*^1', 'swe-bench^0.5', 'game^0.5',
    ],
  },
  {
    id: 'multimodal',
    label: 'Multimodal & Vision-Language',
    categories: [],
    terms: [
      'multimodal^2', 'multi-modal^2', 'vision-language^3', 'vision language^3', 'vlm^3', 'mllm^3', 'lmm^3', 'lvlm^3',
      'visual question answering^3', 'vqa^3', 'caption*^2', 'image-text^2', 'visual reasoning^2', 'video understanding^3',
      'document understanding^3', 'chart^2', 'ocr^2', 'visual instruction^3', 'clip^1.5', 'grounding^1.5', 'unified model^2',
      'understanding and generation^3', 'visual token^2', 'video-llm^3', 'video llm^3', 'text-rich^2', 'visual^0.5', 'image^0.3', 'video^0.3',
    ],
  },
  {
    id: 'vision',
    label: 'Computer Vision',
    categories: ['cs.CV^0.5', 'eess.IV'],
    terms: [
      'segmentation^3', 'object detection^3', 'detection^1', 'tracking^2', 'depth estimation^3', 'depth^1', 'optical flow^3',
      'image classification^3', 'recognition^1', 'visual representation^2', 'self-supervised^1', 'vision transformer^2', 'vit^1.5',
      'backbone^1', 'super-resolution^3', 'restoration^2', 'denoising^1', 'pose estimation^2', 'keypoint^2', 'dinov*^3', 'sam^2',
      'visual encoder^1.5', 'image^0.5', 'pixel^0.5', 'camera^0.5', 'open-vocabulary^1.5', 'anomaly detection^2', 'remote sensing^2',
    ],
  },
  {
    id: 'generation',
    label: 'Image & Video Generation',
    categories: [],
    terms: [
      'text-to-image^3', 'text-to-video^3', 'image generation^3', 'video generation^3', 'image editing^3', 'video editing^3',
      'diffusion^2', 'diffusion model^2', 'denoising diffusion^2', 'flow matching^2', 'rectified flow^2', 'generative model^1.5',
      'autoregressive image^2', 'visual generation^3', 'image synthesis^3', 'video synthesis^3', 'talking head^3', 'avatar^1.5',
      'portrait^1', 'personaliz*^1.5', 'controllable generation^3', 'style transfer^2', 'inpainting^2', 'dit^2', 'unet^1.5',
      'sampler^1', 'sampling^0.5', 'stable diffusion^3', 'lora^0.5', 'generated video^2', 'generated image^2', 'animation^2',
      'motion^1', 'generat*^0.5', 'customiz*^1', 'subject-driven^3', 'virtual try-on^3', 'vae^1', 'latent^0.5', 'world model^1',
    ],
  },
  {
    id: '3d',
    label: '3D & 4D',
    categories: ['cs.GR'],
    terms: [
      '3d^3', '4d^3', 'gaussian splatting^4', '3dgs^4', 'nerf^4', 'neural radiance^4', 'novel view^4', 'view synthesis^3',
      'mesh^3', 'point cloud^3', 'reconstruction^1.5', 'multi-view^2', 'scene^1', 'geometry^1.5', 'human body^2', 'smpl^3',
      'avatar^1', 'texture^1.5', 'stereo^2', 'slam^3', 'panoram*^2', '360^1', 'spatial^1', 'indoor^1.5', 'depth^0.5', 'camera pose^2',
      'shape^1', 'cad^2', 'scene generation^2', 'world generation^2', 'occupancy^1.5',
    ],
  },
  {
    id: 'audio',
    label: 'Speech & Audio',
    categories: ['cs.SD^2', 'eess.AS^2'],
    terms: [
      'speech^3', 'audio^3', 'asr^3', 'speech recognition^4', 'tts^3', 'text-to-speech^4', 'voice^2', 'spoken^3', 'speaker^2',
      'music^3', 'sound^2', 'singing^3', 'acoustic^2', 'audio-visual^2', 'prosody^3', 'listening^1', 'podcast^2', 'dialect^1',
    ],
  },
  {
    id: 'robotics',
    label: 'Robotics & Embodied AI',
    categories: ['cs.RO^2'],
    terms: [
      'robot*^3', 'manipulation^2', 'embodied^3', 'vision-language-action^4', 'vla^4', 'grasp*^3', 'locomotion^3', 'humanoid^3',
      'navigation^2', 'autonomous driving^4', 'driving^2', 'self-driving^4', 'vehicle^2', 'policy learning^1', 'sim-to-real^3',
      'imitation learning^2', 'teleoperation^3', 'dexterous^3', 'drone^3', 'uav^3', 'action^0.5', 'physical^1', 'world model^1.5',
      'trajectory^0.5', 'lidar^3', 'bird\'s-eye^3', 'occupancy^1',
    ],
  },
  {
    id: 'rl',
    label: 'Reinforcement Learning',
    categories: [],
    terms: [
      'reinforcement learning^1', 'policy optimization^1', 'offline rl^3', 'online rl^1', 'q-learning^3', 'actor-critic^2', 'markov^2',
      'multi-armed bandit^3', 'bandit^2', 'exploration^1', 'atari^3', 'mujoco^2', 'value function^2', 'reward shaping^1.5',
      'policy gradient^1', 'ppo^0.5', 'game^0.5', 'chess^2', 'go^0.2',
    ],
  },
  {
    id: 'efficiency',
    label: 'Efficiency & Systems',
    categories: ['cs.DC^1.5', 'cs.AR^2', 'cs.PF^2'],
    terms: [
      'quantiz*^3', 'pruning^3', 'sparsity^2', 'sparse attention^3', 'linear attention^3', 'kv cache^3', 'kv-cache^3', 'cache^1',
      'inference speed^2', 'speedup^2', 'latency^2', 'throughput^2', 'efficien*^1', 'memory^1', 'compression^1.5',
      'speculative decoding^3', 'serving^3', 'gpu^1.5', 'kernel^2', 'hardware^2', 'distributed training^2', 'parallelism^2',
      'low-bit^3', 'fp8^3', 'int4^3', 'mamba^2', 'state space model^2', 'ssm^2', 'mixture-of-experts^1', 'moe^1', 'token pruning^3',
      'token merging^3', 'acceleration^2', 'accelerat*^1', 'faster^1', 'flops^1.5', 'on-device^2', 'edge device^2', 'scalable^0.5',
    ],
  },
  {
    id: 'safety',
    label: 'Safety, Alignment & Privacy',
    categories: ['cs.CR^2', 'cs.CY^1'],
    terms: [
      'safety^3', 'safe^1.5', 'jailbreak*^4', 'red-teaming^4', 'red teaming^4', 'harmful^3', 'adversarial^2', 'attack*^2',
      'privacy^3', 'unlearning^4', 'watermark*^4', 'bias^1.5', 'fairness^3', 'toxic*^3', 'misalignment^3', 'alignment^1',
      'deception^3', 'deceptive^3', 'sycophan*^3', 'trustworth*^2', 'hallucination^1.5', 'robustness^1', 'backdoor^4', 'security^2',
      'misuse^3', 'guardrail^3', 'refusal^2', 'governance^3', 'risk^1.5', 'ethic*^2', 'deepfake^3', 'copyright^3', 'vulnerab*^2',
    ],
  },
  {
    id: 'interpretability',
    label: 'Interpretability & Theory',
    categories: ['stat.ML^0.5', 'math.OC^1'],
    terms: [
      'interpretab*^4', 'mechanistic^4', 'explainab*^3', 'probing^3', 'probe^2', 'circuit^3', 'sparse autoencoder^4', 'sae^3',
      'activation^1.5', 'steering^2', 'neuron^2', 'representation^0.5', 'scaling law^4', 'theory^2', 'theoretical^2', 'theorem^1',
      'convergence^2', 'generalization^1', 'optimization^0.5', 'optimizer^2', 'learning rate^2', 'loss landscape^3', 'grokking^4',
      'emergent^1', 'analysis^0.5', 'understanding how^2', 'internal^1.5', 'attention head^3', 'we analyze^1.5', 'phenomenon^1.5',
    ],
  },
  {
    id: 'data',
    label: 'Data & Benchmarks',
    categories: [],
    terms: [
      'dataset^1', 'benchmark^1', 'data curation^3', 'data selection^3', 'synthetic data^2', 'data synthesis^2', 'data quality^3',
      'annotation^1.5', 'evaluation suite^2', 'leaderboard^2', 'data mixture^3', 'data filtering^3', 'pretraining data^3',
      'human preference^0.5', 'crowdsourc*^2', 'evaluation^0.5', 'survey^1.5', 'metric^1',
    ],
  },
  {
    id: 'code',
    label: 'Code & Software',
    categories: ['cs.SE^3', 'cs.PL^3', 'cs.LO^1'],
    terms: [
      'code generation^4', 'code^2', 'coding^3', 'programming^3', 'program synthesis^4', 'software engineering^4', 'software^2',
      'swe-bench^4', 'repository^1.5', 'github issue^3', 'bug^2', 'debugging^3', 'compiler^2', 'lean^2', 'lean 4^4', 'theorem proving^4',
      'formal verification^3', 'formal proof^3', 'autoformaliz*^4', 'sql^3', 'text-to-sql^4', 'unit test^3', 'python^1.5', 'verilog^3',
      'code llm^4', 'codebase^3',
    ],
  },
  {
    id: 'science',
    label: 'Science & Medicine',
    categories: ['q-bio^3', 'physics^2', 'cond-mat^3', 'astro-ph^3', 'q-fin^3', 'econ^2', 'eess.SP^1'],
    terms: [
      'medical^4', 'medicine^3', 'clinical^4', 'health*^3', 'patient^3', 'biomedical^4', 'biology^3', 'biological^2', 'protein^4',
      'molecul*^4', 'chemistry^4', 'chemical^3', 'drug^4', 'genom*^4', 'dna^3', 'cell^1.5', 'material*^1.5', 'physics^2', 'weather^4',
      'climate^4', 'earth^1.5', 'financ*^3', 'stock^3', 'legal^3', 'law^2', 'education*^2', 'student^1.5', 'scientific^2', 'science^1.5',
      'radiology^4', 'pathology^4', 'mri^4', 'ct^1', 'x-ray^3', 'disease^3', 'social science^3', 'economic*^2', 'psycholog*^2',
      'astronom*^4', 'crystal^3', 'enzyme^4', 'single-cell^4',
    ],
  },
];
